import { SupplyModeEnum } from "./gap.types.js";
import { HUB_AREA_METHODS, type HubAreaMethod, type SupplyMode } from "./support.rules.js";
import { graphqlEnum } from "../common/enums.js";

export const HubAreaMethodEnum = graphqlEnum(HUB_AREA_METHODS, {
  name: "HubAreaMethod",
  description:
    "How a local authority was given to a Teaching School Hub: NAMED (the hub's name names it, or a former county it was made from) or NEAREST_LEAD_SCHOOL (the hub of its region group whose lead school is nearest).",
});
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { connectionTypes } from "../common/connection.types.js";
import type { Phase } from "../schools/school.model.js";
import { PhaseEnum } from "../schools/school.types.js";
import { GapArea } from "./gap.types.js";
import type { SupportFactor } from "./candidates.js";
import { DesignationEnum, SpecialismEnum, SupportFactorEnum } from "./system-leader.enums.js";
import type { Designation, Specialism } from "./system-leader.model.js";

@ObjectType({ description: "How a synthetic record was generated, so it can be reproduced." })
export class Generator {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int)
  seed!: number;
}

@ObjectType({ description: "The person holding a designation." })
export class DesignatedPerson {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'As published; for a placeholder the post, e.g. "Headteacher of <school>".',
  })
  name!: string;

  @Field(() => Boolean, {
    description: "True for a placeholder standing in for a person no loaded source names.",
  })
  synthetic!: boolean;
}

@ObjectType({ description: "A WGS-84 point." })
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@ObjectType({
  description:
    "A system-leader designation: a person (NLE, LLE, SLE, NLG) or a Teaching School Hub (held by its lead school), based at a school.",
})
export class SystemLeader {
  @Field(() => ID)
  id!: string;

  @Field(() => DesignationEnum)
  designation!: Designation;

  @Field(() => String, { description: "The hub's name, or the name of the person holding it." })
  name!: string;

  @Field(() => PhaseEnum, {
    nullable: true,
    description: "The phase the leader works in; null for any phase (hubs, governance).",
  })
  phase!: Phase | null;

  @Field(() => [SpecialismEnum])
  specialisms!: Specialism[];

  @Field(() => Int, { description: "Schools the leader can support at once." })
  capacity!: number;

  @Field(() => Int, {
    description:
      "Engagements with no end date or one still to come, with schools still open; they count against capacity.",
  })
  openEngagements!: number;

  @Field(() => Boolean, {
    description: "True when generated from DfE's criteria rather than loaded from a list.",
  })
  synthetic!: boolean;

  @Field(() => Generator, { nullable: true, description: "For synthetic leaders." })
  generator!: Generator | null;

  @Field(() => DesignatedPerson, { nullable: true, description: "Null for a Teaching School Hub." })
  holder!: DesignatedPerson | null;

  @Field(() => GeoPoint, { nullable: true, description: "The base school's location." })
  location!: GeoPoint | null;
}

export const { Edge: SystemLeaderEdge, Connection: SystemLeaderConnection } = connectionTypes(
  "SystemLeader",
  SystemLeader,
  "How many system leaders match across all pages; a second query, so select it only when needed.",
);

@ObjectType({ description: "A system leader working with a school (a SUPPORTS relationship)." })
export class SupportEngagement {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    description:
      "The URN of the school supported. On School.supportEngagements a URN other than the school's own marks an engagement with a closed school it replaced, shown as history; school is then null.",
  })
  urn!: number;

  @Field(() => ID, {
    description:
      "The system leader's id, kept when its designation has since been withdrawn (systemLeader is then null).",
  })
  systemLeaderId!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  start!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Null while it continues." })
  end!: string | null;

  @Field(() => String, { nullable: true, description: "What the support is about." })
  focus!: string | null;

  @Field(() => String, { nullable: true, description: "What came of it, once known." })
  outcome!: string | null;

  @Field(() => Boolean, {
    description:
      "No end date, or an end date after today (one that ends today is closed), and the school supported still open. An engagement with a school that has since closed is never open (the school no longer exists), whatever its end date, and does not count against the leader's capacity.",
  })
  open!: boolean;
}

@ObjectType({ description: "One factor of a support candidate's score, with why." })
export class SupportReason {
  @Field(() => SupportFactorEnum)
  factor!: SupportFactor;

  @Field(() => Float, { description: "0 to 1." })
  value!: number;

  @Field(() => String)
  detail!: string;
}

@ObjectType({ description: "A school a system leader could support." })
export class SupportCandidate {
  @Field(() => Int, { description: "The school's URN; `school` gives the rest of it." })
  urn!: number;

  @Field(() => String, { nullable: true, description: "The school's name." })
  name!: string | null;

  @Field(() => SupplyModeEnum, { description: "Which supply the leader was asked under." })
  supplyMode!: SupplyMode;

  @Field(() => Float, { description: "NEED × FIT × REACH, 0 to 1." })
  score!: number;

  @Field(() => Int, { description: "1 (most need) to 4." })
  needBand!: number;

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => Boolean, { description: "A specialism matches the school's weakest area." })
  fitsWeakestArea!: boolean;

  @Field(() => [SupportReason], { description: "NEED, FIT and REACH, in that order." })
  reasons!: SupportReason[];
}

@ObjectType({ description: "A system leader assigned to a school by supportAssignments." })
export class PlannedAssignment {
  @Field(() => Int)
  needBand!: number;

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => Boolean)
  fitsWeakestArea!: boolean;
}

@ObjectType({ description: "An area's schools in need that no leader was assigned to." })
export class UnmetNeed {
  @Field(() => GapArea, { description: "The district, or the LA for schools with none." })
  area!: GapArea;

  @Field(() => Int)
  needSchools!: number;

  @Field(() => Int)
  needPupils!: number;

  @Field(() => Float, { description: "Σ need weight: 2 per band-1 school, 1 per band-2 school." })
  needWeight!: number;
}

@ObjectType({
  description:
    "A capacity-respecting assignment of a region's system leaders to its schools in need (bands 1 and 2) that covers the most need.",
})
export class AssignmentPlan {
  @Field(() => SupplyModeEnum, {
    description:
      "Which leaders took part: REAL (no synthetic designation) or MODELLED. Support within a trust is not assigned.",
  })
  supplyMode!: SupplyMode;

  @Field(() => String)
  method!: string;

  @Field(() => Int, { description: "Leaders based in the region with a free place." })
  leaders!: number;

  @Field(() => Int, { description: "Their free places (capacity less open engagements)." })
  availableCapacity!: number;

  @Field(() => Int, { description: "Schools in need without an open engagement." })
  needSchools!: number;

  @Field(() => Float, { description: "Their need weight: 2 per band-1 school, 1 per band-2." })
  needWeight!: number;

  @Field(() => Int)
  assignedSchools!: number;

  @Field(() => Float, { description: "Need weight of the schools assigned a leader." })
  coveredWeight!: number;

  @Field(() => [PlannedAssignment], { description: "By need band, then leader." })
  assignments!: PlannedAssignment[];

  @Field(() => [UnmetNeed], { description: "Need left over, by district, most first." })
  unmet!: UnmetNeed[];
}

@ObjectType({
  description: "A local authority a Teaching School Hub serves, and how it was given.",
})
export class HubServedArea {
  @Field(() => HubAreaMethodEnum)
  method!: HubAreaMethod;

  @Field(() => Int, { description: "The LA's 3-digit code." })
  laCode!: number;
}

@ObjectType({
  description:
    "Where a Teaching School Hub works: the bundle has no hub-to-LA table, so LAs are given by src/modules/support/support.rules.ts.",
})
export class HubArea {
  @Field(() => String, { nullable: true, description: "The hub's region group (ONS region code)." })
  regionGroup!: string | null;

  @Field(() => Boolean, {
    description:
      "False when the lead school lies outside the region group or outside every LA the hub's name names: it then tells nothing about where the hub works and takes no LA by nearness.",
  })
  leadSchoolInArea!: boolean;

  @Field(() => [HubServedArea], { description: "The LAs it serves, by LA code." })
  served!: HubServedArea[];
}
