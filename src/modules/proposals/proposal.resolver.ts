import type { Operation } from "../../auth/policy.js";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Authorized,
} from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { CollaborationModelRecord } from "../collaboration/collaboration.model.js";
import { CollaborationModel } from "../collaboration/collaboration.types.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { Partnership } from "../partnerships/partnership.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type {
  InvitationRecord,
  LeaveResult,
  ProposalRecord,
  ProposalStatus,
} from "./proposal.model.js";
import {
  LeavePartnershipArgs,
  ProposePartnershipInput,
  RespondToProposalArgs,
} from "./proposal.input.js";
import {
  Invitation,
  LeavePartnershipResult,
  PartnershipProposal,
  ProposalStatusEnum,
} from "./proposal.types.js";

@Resolver(() => PartnershipProposal)
export class ProposalResolver {
  @Query(() => PartnershipProposal, {
    nullable: true,
    description:
      "A proposal by id, for its schools, oversight of their regions and admins; null when unknown.",
  })
  partnershipProposal(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProposalRecord | null> {
    return ctx.services.proposals.byId(id);
  }

  @Query(() => [PartnershipProposal], {
    description:
      "Proposals a school made or was invited by, newest first, with, as its history, those the closed schools it replaced (predecessors up to three SUCCEEDED_BY links back) made or were invited by: proposerUrn and invitations[].urn name the schools as they were. For the school itself, oversight of its region and admins.",
  })
  partnershipProposals(
    @Arg("urn", () => Int) urn: number,
    @Arg("status", () => ProposalStatusEnum, { nullable: true }) status: ProposalStatus | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1 to 100." })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProposalRecord[]> {
    return ctx.services.proposals.forSchool(urn, status, first);
  }

  @Mutation(() => PartnershipProposal, {
    description:
      "A school invites others to form a new partnership of a catalogued model, or to join one it belongs to.",
  })
  @Authorized<Operation>("proposePartnership")
  proposePartnership(
    @Arg("input", () => ProposePartnershipInput)
    input: ProposePartnershipInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProposalRecord> {
    return ctx.services.proposals.propose(input);
  }

  @Mutation(() => PartnershipProposal, {
    description:
      "An invited school accepts or declines. The first acceptance forms a new partnership with the proposer; each acceptance makes the school a member.",
  })
  @Authorized<Operation>("respondToProposal")
  respondToProposal(
    @Args(() => RespondToProposalArgs)
    { proposalId, urn, accept }: RespondToProposalArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProposalRecord> {
    return ctx.services.proposals.respond(proposalId, urn, accept);
  }

  @Mutation(() => LeavePartnershipResult, {
    description:
      "A school leaves a partnership by its model's leaving rule: at once, after notice, or (for statutory models) not here.",
  })
  @Authorized<Operation>("leavePartnership")
  leavePartnership(
    @Args(() => LeavePartnershipArgs)
    { urn, partnershipId }: LeavePartnershipArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeaveResult> {
    return ctx.services.proposals.leave(urn, partnershipId);
  }

  @FieldResolver(() => CollaborationModel, { nullable: true })
  async model(
    @Root() proposal: ProposalRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CollaborationModelRecord | null> {
    return (await ctx.services.collaboration.catalogue()).get(proposal.modelId);
  }

  @FieldResolver(() => School, { nullable: true, description: "Null if it has since closed." })
  proposer(
    @Root() proposal: ProposalRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(proposal.proposerUrn);
  }

  @FieldResolver(() => Partnership, {
    nullable: true,
    description:
      "The partnership formed or joined; null until a new one is formed by an acceptance.",
  })
  async partnership(
    @Root() proposal: ProposalRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    return proposal.partnershipExists
      ? ctx.services.partnerships.byId(proposal.partnershipId)
      : null;
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @FieldResolver(() => School, { nullable: true, description: "Null if it has since closed." })
  school(
    @Root() invitation: InvitationRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(invitation.urn);
  }
}

@Resolver(() => LeavePartnershipResult)
export class LeavePartnershipResultResolver {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() result: LeaveResult, @Ctx() ctx: GraphQLContext): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(result.urn);
  }

  @FieldResolver(() => Partnership, { nullable: true })
  partnership(
    @Root() result: LeaveResult,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    return ctx.services.partnerships.byId(result.partnershipId);
  }
}
