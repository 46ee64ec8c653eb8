import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Partnership } from "../partnerships/partnership.types.js";
import { PhaseEnum, School } from "../schools/school.types.js";
import type { Phase } from "../schools/school.model.js";
import { GeoPoint } from "../support/system-leader.types.js";

@ObjectType({ description: "How many of a cluster's schools are in one need band." })
export class NeedBandCount {
  @Field(() => Int, {
    nullable: true,
    description: "1 (most need) to 4; null counts the schools without a band.",
  })
  band!: number | null;

  @Field(() => Int)
  schools!: number;
}

@ObjectType({ description: "How many of a cluster's schools are of one phase." })
export class PhaseCount {
  @Field(() => PhaseEnum, { nullable: true, description: "Null for schools with none recorded." })
  phase!: Phase | null;

  @Field(() => Int)
  schools!: number;
}

@ObjectType({
  description:
    "A proposed geographic cluster of a local authority's open state-funded schools, balanced in size and mixing schools that can offer support (need band 3-4) with schools that need it (band 1-2) where geography allows.",
})
export class ClusterProposal {
  @Field(() => ID, {
    description:
      "Derived from the LA, the parameters and the members: the same input gives the same id.",
  })
  id!: string;

  @Field(() => Int, { description: "1..k, north to south by centre." })
  number!: number;

  @Field(() => String, { description: '"<LA> cluster <n>: <most common town>".' })
  name!: string;

  @Field(() => String, {
    description:
      "Which schools were clustered together: all (phases mixed), primary, secondary, special or other.",
  })
  phaseGroup!: string;

  @Field(() => [School], { description: "Members in URN order." })
  schools!: School[];

  @Field(() => Int)
  size!: number;

  @Field(() => Int, {
    description: "Pupils on roll across the members (those without a figure add none).",
  })
  pupils!: number;

  @Field(() => GeoPoint, { description: "Mean of the members' coordinates." })
  centre!: GeoPoint;

  @Field(() => Float, { description: "Largest distance in km from a member to the centre." })
  spreadKm!: number;

  @Field(() => [NeedBandCount], { description: "Bands 1 to 4, then schools without a band." })
  needBands!: NeedBandCount[];

  @Field(() => [PhaseCount], { description: "Phases present, in phase order." })
  phases!: PhaseCount[];

  @Field(() => Int, { description: "Members in need band 3 or 4." })
  strongerSchools!: number;

  @Field(() => Int, { description: "Members in need band 1 or 2." })
  weakerSchools!: number;

  @Field(() => Boolean, { description: "Whether it has both stronger and weaker schools." })
  mixed!: boolean;

  @Field(() => String, { description: "The cluster in plain words, with any swaps made." })
  explanation!: string;
}

@ObjectType({ description: "A School Improvement Board and the clusters it oversees, as adopted." })
export class AdoptedClusters {
  @Field(() => Partnership)
  board!: Partnership;

  @Field(() => [Partnership], { description: "In the order given." })
  clusters!: Partnership[];

  @Field(() => ID, { description: "The audit event recording the adoption." })
  auditEventId!: string;
}

@ObjectType({ description: "The independent chair of a School Improvement Board." })
export class BoardChair {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  organisation!: string | null;
}

@ObjectType({ description: "A person sitting on a School Improvement Board." })
export class BoardMember {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "E.g. Headteacher representative." })
  role!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;
}

@ObjectType({ description: "Who runs a School Improvement Board." })
export class SchoolImprovementBoard {
  @Field(() => BoardChair, { nullable: true })
  chair!: BoardChair | null;

  @Field(() => [BoardMember], { description: "By name." })
  members!: BoardMember[];
}
