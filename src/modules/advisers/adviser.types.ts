import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { connectionTypes, PageInfo } from "../common/connection.types.js";
import { LocalAuthority } from "../geography/geography.types.js";
import { School } from "../schools/school.types.js";
import { ADVISER_KINDS, type AdviserKind } from "./adviser.model.js";
import { graphqlEnum } from "../common/enums.js";

export const AdviserKindEnum = graphqlEnum(ADVISER_KINDS, {
  name: "AdviserKind",
  description:
    "A school's named improvement contact, as Dudley runs them: a council school improvement officer, an external school improvement partner (SIP), or a trust's school improvement lead. A school has at most one of each kind.",
});

@ObjectType({
  description:
    "A school improvement adviser. No open data names advisers, so every one is recorded through the API (registerAdviser).",
})
export class Adviser {
  @Field(() => ID, { description: "svc-<uuid>." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AdviserKindEnum)
  kind!: AdviserKind;

  @Field(() => String, { description: "Who employs or commissions the adviser, as given." })
  organisation!: string;

  @Field(() => Int, { description: "Schools the adviser advises now." })
  schoolCount!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  createdAt!: string | null;
}

@ObjectType({ description: "An adviser of a school, and since when." })
export class SchoolAdviserLink {
  @Field(() => Adviser)
  adviser!: Adviser;

  @Field(() => LocalDateResolver, { nullable: true })
  since!: string | null;
}

export const { Edge: AdviserSchoolEdge, Connection: AdviserSchoolConnection } = connectionTypes(
  "AdviserSchool",
  School,
  "How many schools the adviser advises (schoolCount).",
);

@ObjectType({ description: "One need band's open state-funded schools and their advisers." })
export class AdviserBandCoverage {
  @Field(() => Int, { nullable: true, description: "1 (most need) to 4; null: not banded." })
  band!: number | null;

  @Field(() => Int, { description: "What one school of this band weighs in weightedCoverage." })
  weight!: number;

  @Field(() => Int)
  schools!: number;

  @Field(() => Int)
  advised!: number;

  @Field(() => Int)
  unadvised!: number;
}

@ObjectType({ description: "An unadvised school, in need order, with what it weighs." })
export class UnadvisedSchoolEdge {
  @Field(() => String, { description: "Opaque position of this edge, for `after`." })
  cursor!: string;

  @Field(() => School)
  node!: unknown;

  @Field(() => Int, { nullable: true, description: "1 (most need) to 4; null: not banded." })
  needBand!: number | null;

  @Field(() => Int, { description: "Its need weight (band 1 = 4, 2 = 3, 3 = 2, 4 and none = 1)." })
  weight!: number;
}

@ObjectType({ description: "Unadvised schools, neediest first." })
export class UnadvisedSchoolConnection {
  @Field(() => [UnadvisedSchoolEdge])
  edges!: UnadvisedSchoolEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many schools are unadvised (the coverage's unadvised)." })
  totalCount!: number;
}

@ObjectType({
  description:
    "How many of an area's open state-funded schools have an adviser, overall and by need band, with a need-weighted figure: each school weighs 4 (band 1), 3, 2 or 1 (band 4 and unbanded), and weightedCoverage is the advised weight over the total weight.",
})
export class AdviserCoverage {
  @Field(() => LocalAuthority, { nullable: true, description: "Null for all of England." })
  localAuthority!: unknown;

  @Field(() => AdviserKindEnum, { nullable: true, description: "Null: an adviser of any kind." })
  kind!: AdviserKind | null;

  @Field(() => Int)
  schools!: number;

  @Field(() => Int)
  advised!: number;

  @Field(() => Int)
  unadvised!: number;

  @Field(() => Float, { description: "advised / schools, 0 to 1." })
  coverage!: number;

  @Field(() => Int, { description: "Σ need weight of every school." })
  totalWeight!: number;

  @Field(() => Int, { description: "Σ need weight of the advised schools." })
  advisedWeight!: number;

  @Field(() => Float, { description: "advisedWeight / totalWeight, 0 to 1; 0 with no schools." })
  weightedCoverage!: number;

  @Field(() => [AdviserBandCoverage], { description: "Bands 1 to 4, then unbanded." })
  byNeedBand!: AdviserBandCoverage[];
}
