import {
  ArrayMaxSize,
  ArrayUnique,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  SPECIALISMS,
  type Designation,
  type Specialism,
} from "../system-leaders/system-leader.model.js";
import { DesignationEnum, SpecialismEnum } from "../system-leaders/system-leader.enums.js";
import { MAX_CAPACITY } from "./engagement.model.js";

const MAX_URN = 9_999_999;
/** Ids we hold: tsh-<code>, synthetic-..., list-..., svc-<uuid>. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };
const idMessage = { message: "must be an id of letters, digits and . _ : - (at most 200)" };

@InputType({ description: "A system leader starts supporting a school." })
export class RecordSupportEngagementInput {
  @Field(() => ID, { description: "The system leader; a SYSTEM_LEADER may give only its own." })
  @Matches(ID_PATTERN, idMessage)
  systemLeaderId!: string;

  @Field(() => Int, { description: "The school supported." })
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn!: number;

  @Field(() => String, { description: "What the support is about (3 to 200 characters)." })
  @MinLength(3, { message: "must be 3 to 200 characters" })
  @MaxLength(200, { message: "must be 3 to 200 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  focus!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When it starts; today if omitted.",
  })
  @IsOptional()
  startOn?: string | null;
}

@InputType({ description: "A support engagement ends, with what came of it." })
export class CloseSupportEngagementInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, idMessage)
  engagementId!: string;

  @Field(() => String, { description: "What came of it (3 to 1000 characters)." })
  @MinLength(3, { message: "must be 3 to 1000 characters" })
  @MaxLength(1000, { message: "must be 3 to 1000 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  outcome!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When it ended (not before it started); today if omitted.",
  })
  @IsOptional()
  endOn?: string | null;
}

@InputType({ description: "Designates a system leader based at a school." })
export class DesignateSystemLeaderInput {
  @Field(() => Int, { description: "The school the leader works from." })
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn!: number;

  @Field(() => DesignationEnum)
  designation!: Designation;

  @Field(() => String, {
    nullable: true,
    description: "The holder's or hub's name (2 to 120 characters); the school's name if omitted.",
  })
  @IsOptional()
  @MinLength(2, { message: "must be 2 to 120 characters" })
  @MaxLength(120, { message: "must be 2 to 120 characters" })
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name?: string | null;

  @Field(() => [SpecialismEnum], {
    defaultValue: [],
    description: "What the leader can help with.",
  })
  @ArrayUnique({ message: "must not list a specialism twice" })
  @ArrayMaxSize(SPECIALISMS.length, { message: "lists more specialisms than there are" })
  specialisms!: Specialism[];

  @Field(() => Int, { description: `Schools it can support at once, 1 to ${MAX_CAPACITY}.` })
  @IsInt({ message: `must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Min(1, { message: `must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Max(MAX_CAPACITY, { message: `must be a whole number from 1 to ${MAX_CAPACITY}` })
  capacity!: number;
}

@ArgsType()
export class RevokeSystemLeaderArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, idMessage)
  id!: string;
}
