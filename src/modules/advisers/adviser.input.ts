import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_ASSIGN_URNS, type AdviserKind } from "./adviser.model.js";
import { AdviserKindEnum } from "./adviser.types.js";

const MAX_URN = 9_999_999;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
/** At least two characters once trimmed, as names are stored trimmed. */
const TWO_WHEN_TRIMMED = /\S[\s\S]*\S/;
const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };
const idMessage = { message: "must be an id of letters, digits and . _ : - (at most 200)" };

@InputType({ description: "A school improvement adviser to record." })
export class RegisterAdviserInput {
  @Field(() => String, { description: "The adviser's name (2 to 120 characters)." })
  @MinLength(2, { message: "must be 2 to 120 characters" })
  @MaxLength(120, { message: "must be 2 to 120 characters" })
  @Matches(TWO_WHEN_TRIMMED, { message: "must be 2 to 120 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name!: string;

  @Field(() => AdviserKindEnum)
  kind!: AdviserKind;

  @Field(() => String, {
    description: "Who employs or commissions the adviser (2 to 200 characters).",
  })
  @MinLength(2, { message: "must be 2 to 200 characters" })
  @MaxLength(200, { message: "must be 2 to 200 characters" })
  @Matches(TWO_WHEN_TRIMMED, { message: "must be 2 to 200 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  organisation!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The council the adviser works for; required for a council improvement officer.",
  })
  @IsOptional()
  @IsInt({ message: "must be a 3-digit local authority code" })
  localAuthorityCode?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The trust or partnership the adviser works for; required for a trust school improvement lead. Not with localAuthorityCode.",
  })
  @IsOptional()
  @Matches(ID_PATTERN, idMessage)
  partnershipId?: string | null;
}

@InputType({ description: "Schools an adviser starts advising." })
export class AssignAdviserInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, idMessage)
  adviserId!: string;

  @Field(() => [Int], {
    description: `1 to ${MAX_ASSIGN_URNS} schools; all are assigned, or none.`,
  })
  @ArrayMinSize(1, { message: `must name 1 to ${MAX_ASSIGN_URNS} schools` })
  @ArrayMaxSize(MAX_ASSIGN_URNS, { message: `must name 1 to ${MAX_ASSIGN_URNS} schools` })
  @IsInt({ each: true, ...urnMessage })
  @Min(1, { each: true, ...urnMessage })
  @Max(MAX_URN, { each: true, ...urnMessage })
  urns!: number[];

  @Field(() => LocalDateResolver, { nullable: true, description: "Since when; today if omitted." })
  @IsOptional()
  since?: string | null;
}

@InputType({ description: "An adviser stops advising a school." })
export class UnassignAdviserInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, idMessage)
  adviserId!: string;

  @Field(() => Int)
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn!: number;
}
