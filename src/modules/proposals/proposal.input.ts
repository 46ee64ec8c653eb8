import { IsBoolean, IsUUID, Matches } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  Id,
  OptionalBoundedText,
  OptionalId,
  Urn,
  UrnList,
} from "../../hardening/input-decorators.js";
import { MAX_INVITEES } from "./proposal.model.js";

const MODEL_ID = /^[a-z][a-z-]{0,63}$/;
const partnershipIdMessage = "must be a partnership id such as gias-3320";

@InputType({ description: "A school invites others to form or join a partnership." })
export class ProposePartnershipInput {
  @Field(() => Int, { description: "The proposing school." })
  @Urn()
  proposerUrn!: number;

  @Field(() => [Int], { description: `The schools invited: 1 to ${MAX_INVITEES}, no repeats.` })
  @UrnList(1, MAX_INVITEES, { distinct: true })
  inviteeUrns!: number[];

  @Field(() => String, { description: 'A collaboration model id, e.g. "cluster".' })
  @Matches(MODEL_ID, { message: "must be a collaboration model id such as cluster" })
  model!: string;

  @Field(() => String, {
    nullable: true,
    description: "Name of a new partnership (3 to 120 characters); omit when joining one.",
  })
  @OptionalBoundedText(3, 120)
  name?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "An existing partnership (of which the proposer is a member) to invite schools into.",
  })
  @OptionalId(partnershipIdMessage)
  partnershipId?: string | null;
}

@ArgsType()
export class RespondToProposalArgs {
  @Field(() => ID)
  @IsUUID("4", { message: "must be a proposal id (a UUID)" })
  proposalId!: string;

  @Field(() => Int, { description: "The invited school answering." })
  @Urn()
  urn!: number;

  @Field(() => Boolean, { description: "True to accept, false to decline." })
  @IsBoolean()
  accept!: boolean;
}

@ArgsType()
export class LeavePartnershipArgs {
  @Field(() => Int, { description: "The leaving school." })
  @Urn()
  urn!: number;

  @Field(() => ID)
  @Id(partnershipIdMessage)
  partnershipId!: string;
}
