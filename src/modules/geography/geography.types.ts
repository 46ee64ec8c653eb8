import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { PartnershipTypeEnum } from "../partnerships/partnership.types.js";
import type { PartnershipType } from "../partnerships/partnership.model.js";

@ObjectType({ description: "One of England's nine regions." })
export class Region {
  @Field(() => String, { description: "ONS code, E12000001..E12000009." })
  code!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: "A local authority, by its 3-digit DfE code." })
export class LocalAuthority {
  @Field(() => Int, { description: "3-digit DfE code, e.g. 201." })
  code!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "ONS code (E06, E08, E09, E10...)." })
  gssCode!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "When the authority was abolished (Cumbria, 909: 2023-03-31); null for a current one. A closed authority holds no open schools: see successors.",
  })
  closedOn!: string | null;
}

@ObjectType({ description: "Schools in at least one partnership of one type." })
export class TypeCoverage {
  @Field(() => PartnershipTypeEnum)
  type!: PartnershipType;

  @Field(() => Int)
  schools!: number;

  @Field(() => Float, { description: "Share of all schools counted, 0 to 1." })
  share!: number;
}

@ObjectType({
  description:
    "How far partnerships reach the schools of an area. A school in partnerships of two types counts once overall and once for each type.",
})
export class Coverage {
  @Field(() => Int, { description: "Schools counted." })
  schools!: number;

  @Field(() => Int, { description: "Of those, schools in at least one partnership." })
  schoolsInPartnership!: number;

  @Field(() => Float, { description: "schoolsInPartnership / schools, 0 to 1." })
  share!: number;

  @Field(() => [TypeCoverage], { description: "Per partnership type, most common first." })
  byType!: TypeCoverage[];
}
