import { IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_GRANT_PENCE, type Fund } from "./funding.model.js";
import { FundEnum } from "./funding.types.js";

const MAX_URN = 9_999_999;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };
const amountMessage = { message: `must be a whole number of pence from 1 to ${MAX_GRANT_PENCE}` };
const matchedMessage = { message: `must be a whole number of pence from 0 to ${MAX_GRANT_PENCE}` };

/** Text is stored trimmed, so its length bounds hold for what is left once trimmed. */
function text(min: number, max: number) {
  const message = { message: `must be ${min} to ${max} characters` };
  return [
    MinLength(min, message),
    MaxLength(max, message),
    Matches(new RegExp(`\\S[\\s\\S]{${min - 2},}\\S`), message),
    Matches(PRINTABLE, { message: "must not contain control characters" }),
    Matches(/\S/, { message: "must not be blank" }),
  ];
}

function Text(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    for (const decorator of text(min, max)) decorator(target, key as string);
  };
}

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
  @IsOptional()
  @Text(2, 200)
  fundName?: string | null;

  @Field(() => Int, { description: `The award in pence, 1 to ${MAX_GRANT_PENCE}.` })
  @IsInt(amountMessage)
  @Min(1, amountMessage)
  @Max(MAX_GRANT_PENCE, amountMessage)
  amountPence!: number;

  @Field(() => Int, {
    defaultValue: 0,
    description: `Money matched by others in pence, 0 to ${MAX_GRANT_PENCE}.`,
  })
  @IsInt(matchedMessage)
  @Min(0, matchedMessage)
  @Max(MAX_GRANT_PENCE, matchedMessage)
  matchedPence!: number;

  @Field(() => String, {
    nullable: true,
    description: "Who matched it (2 to 200 characters); required when matchedPence is above 0.",
  })
  @IsOptional()
  @Text(2, 200)
  matchedBy?: string | null;

  @Field(() => String, { description: "Who awarded it (2 to 200 characters)." })
  @Text(2, 200)
  funder!: string;

  @Field(() => LocalDateResolver)
  awardedOn!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver, { description: "Not before startsOn." })
  endsOn!: string;

  @Field(() => String, { description: "What the money is for (3 to 1000 characters)." })
  @Text(3, 1000)
  purpose!: string;

  @Field(() => Int, { nullable: true, description: "The school it is awarded to." })
  @IsOptional()
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  recipientUrn?: number | null;

  @Field(() => ID, { nullable: true, description: "The partnership it is awarded to." })
  @IsOptional()
  @Matches(ID_PATTERN, { message: "must be an id of letters, digits and . _ : - (at most 200)" })
  recipientPartnershipId?: string | null;
}
