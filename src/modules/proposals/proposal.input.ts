import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { MAX_INVITEES } from "./proposal.model.js";

/** URNs are six digits today; the bound leaves room while refusing absurd numbers. */
const MAX_URN = 9_999_999;
/** Partnership ids we hold: gias-<uid>, svc-<uuid>. */
const PARTNERSHIP_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const MODEL_ID = /^[a-z][a-z-]{0,63}$/;
/** Printable text: no control characters (they break logs and exports downstream). */
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };

@InputType({ description: "A school invites others to form or join a partnership." })
export class ProposePartnershipInput {
  @Field(() => Int, { description: "The proposing school." })
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  proposerUrn!: number;

  @Field(() => [Int], { description: `The schools invited: 1 to ${MAX_INVITEES}, no repeats.` })
  @ArrayMinSize(1, { message: `must list 1 to ${MAX_INVITEES} schools` })
  @ArrayMaxSize(MAX_INVITEES, { message: `must list 1 to ${MAX_INVITEES} schools` })
  @ArrayUnique({ message: "must not list a school twice" })
  @IsInt({ each: true, ...urnMessage })
  @Min(1, { each: true, ...urnMessage })
  @Max(MAX_URN, { each: true, ...urnMessage })
  inviteeUrns!: number[];

  @Field(() => String, { description: 'A collaboration model id, e.g. "cluster".' })
  @Matches(MODEL_ID, { message: "must be a collaboration model id such as cluster" })
  model!: string;

  @Field(() => String, {
    nullable: true,
    description: "Name of a new partnership (3 to 120 characters); omit when joining one.",
  })
  @IsOptional()
  @MinLength(3, { message: "must be 3 to 120 characters" })
  @MaxLength(120, { message: "must be 3 to 120 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "An existing partnership (of which the proposer is a member) to invite schools into.",
  })
  @IsOptional()
  @Matches(PARTNERSHIP_ID, { message: "must be a partnership id such as gias-3320" })
  partnershipId?: string | null;
}

@ArgsType()
export class RespondToProposalArgs {
  @Field(() => ID)
  @IsUUID("4", { message: "must be a proposal id (a UUID)" })
  proposalId!: string;

  @Field(() => Int, { description: "The invited school answering." })
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn!: number;

  @Field(() => Boolean, { description: "True to accept, false to decline." })
  @IsBoolean()
  accept!: boolean;
}

@ArgsType()
export class LeavePartnershipArgs {
  @Field(() => Int, { description: "The leaving school." })
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn!: number;

  @Field(() => ID)
  @Matches(PARTNERSHIP_ID, { message: "must be a partnership id such as gias-3320" })
  partnershipId!: string;
}
