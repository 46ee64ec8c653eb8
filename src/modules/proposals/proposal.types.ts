import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  INVITATION_STATUSES,
  LEAVE_OUTCOMES,
  PROPOSAL_STATUSES,
  type InvitationStatus,
  type LeaveOutcome,
  type ProposalStatus,
} from "./proposal.model.js";
import { graphqlEnum } from "../common/enums.js";

export const ProposalStatusEnum = graphqlEnum(PROPOSAL_STATUSES, {
  name: "ProposalStatus",
  description:
    "OPEN: nobody has accepted yet. ACCEPTED: at least one school accepted, so the partnership exists. DECLINED: every invited school declined.",
});

export const InvitationStatusEnum = graphqlEnum(INVITATION_STATUSES, { name: "InvitationStatus" });

export const LeaveOutcomeEnum = graphqlEnum(LEAVE_OUTCOMES, {
  name: "LeaveOutcome",
  description:
    "LEFT: the membership has ended. NOTICE_GIVEN: the school stays a member until leavingOn; calling leavePartnership again on or after that date completes it.",
});

@ObjectType({
  description:
    "An invited school and its answer. An invitation to a school that has since closed stays listed (school null) and can no longer be answered.",
})
export class Invitation {
  @Field(() => Int, { description: "The invited school's URN, whether or not it is still open." })
  urn!: number;

  @Field(() => InvitationStatusEnum)
  status!: InvitationStatus;

  @Field(() => DateTimeResolver, { nullable: true })
  respondedAt!: string | null;
}

@ObjectType({ description: "A school's invitation to others to form or join a partnership." })
export class PartnershipProposal {
  @Field(() => ID)
  id!: string;

  @Field(() => ProposalStatusEnum)
  status!: ProposalStatus;

  @Field(() => String, { nullable: true, description: "The new partnership's name." })
  name!: string | null;

  @Field(() => Int)
  proposerUrn!: number;

  @Field(() => Boolean, {
    description: "True when it invites schools into an existing partnership.",
  })
  joinsExisting!: boolean;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field(() => [Invitation])
  invitations!: Invitation[];
}

@ObjectType({ description: "What leaving did." })
export class LeavePartnershipResult {
  @Field(() => Int)
  urn!: number;

  @Field(() => ID)
  partnershipId!: string;

  @Field(() => LeaveOutcomeEnum)
  outcome!: LeaveOutcome;

  @Field(() => LocalDateResolver, { description: "When the membership ends (or ended)." })
  leavingOn!: string;
}
