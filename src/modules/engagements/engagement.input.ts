import { ArrayMaxSize, ArrayUnique, IsOptional } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  BoundedText,
  Id,
  OptionalBoundedText,
  Urn,
  WholeNumber,
} from "../../hardening/input-decorators.js";
import { SPECIALISMS, type Designation, type Specialism } from "../support/system-leader.model.js";
import { DesignationEnum, SpecialismEnum } from "../support/system-leader.enums.js";
import { MAX_CAPACITY } from "./engagement.model.js";

@InputType({ description: "A system leader starts supporting a school." })
export class RecordSupportEngagementInput {
  @Field(() => ID, { description: "The system leader; a SYSTEM_LEADER may give only its own." })
  @Id()
  systemLeaderId!: string;

  @Field(() => Int, { description: "The school supported." })
  @Urn()
  urn!: number;

  @Field(() => String, { description: "What the support is about (3 to 200 characters)." })
  @BoundedText(3, 200)
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
  @Id()
  engagementId!: string;

  @Field(() => String, { description: "What came of it (3 to 1000 characters)." })
  @BoundedText(3, 1000)
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
  @Urn()
  urn!: number;

  @Field(() => DesignationEnum)
  designation!: Designation;

  @Field(() => String, {
    nullable: true,
    description: "The holder's or hub's name (2 to 120 characters); the school's name if omitted.",
  })
  @OptionalBoundedText(2, 120)
  name?: string | null;

  @Field(() => [SpecialismEnum], {
    defaultValue: [],
    description: "What the leader can help with.",
  })
  @ArrayUnique({ message: "must not list a specialism twice" })
  @ArrayMaxSize(SPECIALISMS.length, { message: "lists more specialisms than there are" })
  specialisms!: Specialism[];

  @Field(() => Int, { description: `Schools it can support at once, 1 to ${MAX_CAPACITY}.` })
  @WholeNumber(1, MAX_CAPACITY, `must be a whole number from 1 to ${MAX_CAPACITY}`)
  capacity!: number;
}

@ArgsType()
export class RevokeSystemLeaderArgs {
  @Field(() => ID)
  @Id()
  id!: string;
}
