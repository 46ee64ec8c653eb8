import type { Operation } from "../../auth/policy.js";
import { Arg, Args, Ctx, Mutation, Resolver, Authorized } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type {
  SupportEngagementRecord,
  SystemLeaderRecord,
} from "../support/system-leader.model.js";
import { SupportEngagement, SystemLeader } from "../support/system-leader.types.js";
import {
  CloseSupportEngagementInput,
  DesignateSystemLeaderInput,
  RecordSupportEngagementInput,
  RevokeSystemLeaderArgs,
} from "./engagement.input.js";

@Resolver(() => SupportEngagement)
export class EngagementResolver {
  @Mutation(() => SupportEngagement, {
    description:
      "A system leader starts supporting a school: CONFLICT when its open engagements fill its capacity or it already supports the school.",
  })
  @Authorized<Operation>("recordSupportEngagement")
  recordSupportEngagement(
    @Arg("input", () => RecordSupportEngagementInput)
    input: RecordSupportEngagementInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportEngagementRecord> {
    return ctx.services.engagements.record({
      systemLeaderId: input.systemLeaderId,
      urn: input.urn,
      focus: input.focus.trim(),
      startOn: input.startOn ?? null,
    });
  }

  @Mutation(() => SupportEngagement, {
    description: "Ends a support engagement with its outcome: CONFLICT when already closed.",
  })
  @Authorized<Operation>("closeSupportEngagement")
  closeSupportEngagement(
    @Arg("input", () => CloseSupportEngagementInput)
    input: CloseSupportEngagementInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportEngagementRecord> {
    return ctx.services.engagements.close({
      engagementId: input.engagementId,
      outcome: input.outcome.trim(),
      endOn: input.endOn ?? null,
    });
  }
}

@Resolver(() => SystemLeader)
export class DesignationResolver {
  @Mutation(() => SystemLeader, {
    description: "Designates a system leader based at a school (admins only; not synthetic).",
  })
  @Authorized<Operation>("designateSystemLeader")
  designateSystemLeader(
    @Arg("input", () => DesignateSystemLeaderInput)
    input: DesignateSystemLeaderInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord> {
    return ctx.services.engagements.designate({
      urn: input.urn,
      designation: input.designation,
      name: input.name?.trim() ?? null,
      specialisms: input.specialisms,
      capacity: input.capacity,
    });
  }

  @Mutation(() => SystemLeader, {
    description:
      "Revokes a designation, removing the leader and its closed engagements (admins only): CONFLICT while it has open engagements. Returns the leader as it was.",
  })
  @Authorized<Operation>("revokeSystemLeader")
  revokeSystemLeader(
    @Args(() => RevokeSystemLeaderArgs)
    { id }: RevokeSystemLeaderArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord> {
    return ctx.services.engagements.revoke(id);
  }
}

export const engagementResolvers = [EngagementResolver, DesignationResolver] as const;
