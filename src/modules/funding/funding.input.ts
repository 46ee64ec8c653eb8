import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import {
  BoundedText,
  OptionalBoundedText,
  OptionalId,
  OptionalUrn,
  WholeNumber,
} from "../../hardening/input-decorators.js";
import { MAX_GRANT_PENCE, type Fund, type RecordGrantRequest } from "./funding.model.js";
import { FundEnum } from "./funding.types.js";

const amountMessage = `must be a whole number of pence from 1 to ${MAX_GRANT_PENCE}`;
const matchedMessage = `must be a whole number of pence from 0 to ${MAX_GRANT_PENCE}`;

@InputType({
  description: "A school improvement grant to one school (recipientUrn) or one partnership.",
})
export class RecordGrantInput {
  @Field(() => FundEnum)
  fund!: Fund;

  @Field(() => String, {
    nullable: true,
    description:
      "The fund's name (2 to 200 characters); the fund's usual name if omitted, required for OTHER.",
  })
  @OptionalBoundedText(2, 200)
  fundName?: string | null;

  @Field(() => Int, { description: `The award in pence, 1 to ${MAX_GRANT_PENCE}.` })
  @WholeNumber(1, MAX_GRANT_PENCE, amountMessage)
  amountPence!: number;

  @Field(() => Int, {
    defaultValue: 0,
    description: `Money matched by others in pence, 0 to ${MAX_GRANT_PENCE}.`,
  })
  @WholeNumber(0, MAX_GRANT_PENCE, matchedMessage)
  matchedPence!: number;

  @Field(() => String, {
    nullable: true,
    description: "Who matched it (2 to 200 characters); required when matchedPence is above 0.",
  })
  @OptionalBoundedText(2, 200)
  matchedBy?: string | null;

  @Field(() => String, { description: "Who awarded it (2 to 200 characters)." })
  @BoundedText(2, 200)
  funder!: string;

  @Field(() => LocalDateResolver)
  awardedOn!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver, { description: "Not before startsOn." })
  endsOn!: string;

  @Field(() => String, { description: "What the money is for (3 to 1000 characters)." })
  @BoundedText(3, 1000)
  purpose!: string;

  @Field(() => Int, { nullable: true, description: "The school it is awarded to." })
  @OptionalUrn()
  recipientUrn?: number | null;

  @Field(() => ID, { nullable: true, description: "The partnership it is awarded to." })
  @OptionalId()
  recipientPartnershipId?: string | null;
}

/** The service's request from a validated input: text trimmed, absent options null. */
export function grantRequestOf(input: RecordGrantInput): RecordGrantRequest {
  return {
    fund: input.fund,
    fundName: input.fundName?.trim() ?? null,
    amountPence: input.amountPence,
    matchedPence: input.matchedPence,
    matchedBy: input.matchedBy?.trim() ?? null,
    funder: input.funder.trim(),
    awardedOn: input.awardedOn,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    purpose: input.purpose.trim(),
    recipientUrn: input.recipientUrn ?? null,
    recipientPartnershipId: input.recipientPartnershipId ?? null,
  };
}
