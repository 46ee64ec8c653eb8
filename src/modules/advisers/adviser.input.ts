import { IsInt, IsOptional } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { BoundedText, Id, OptionalId, Urn, UrnList } from "../../hardening/input-decorators.js";
import { MAX_ASSIGN_URNS, type AdviserKind } from "./adviser.model.js";
import { AdviserKindEnum } from "./adviser.types.js";

@InputType({ description: "A school improvement adviser to record." })
export class RegisterAdviserInput {
  @Field(() => String, { description: "The adviser's name (2 to 120 characters)." })
  @BoundedText(2, 120)
  name!: string;

  @Field(() => AdviserKindEnum)
  kind!: AdviserKind;

  @Field(() => String, {
    description: "Who employs or commissions the adviser (2 to 200 characters).",
  })
  @BoundedText(2, 200)
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
  @OptionalId()
  partnershipId?: string | null;
}

@InputType({ description: "Schools an adviser starts advising." })
export class AssignAdviserInput {
  @Field(() => ID)
  @Id()
  adviserId!: string;

  @Field(() => [Int], {
    description: `1 to ${MAX_ASSIGN_URNS} schools; all are assigned, or none.`,
  })
  @UrnList(1, MAX_ASSIGN_URNS, { message: `must name 1 to ${MAX_ASSIGN_URNS} schools` })
  urns!: number[];

  @Field(() => LocalDateResolver, { nullable: true, description: "Since when; today if omitted." })
  @IsOptional()
  since?: string | null;
}

@InputType({ description: "An adviser stops advising a school." })
export class UnassignAdviserInput {
  @Field(() => ID)
  @Id()
  adviserId!: string;

  @Field(() => Int)
  @Urn()
  urn!: number;
}
