import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { Phase } from "../schools/school.model.js";
import { PhaseEnum } from "../schools/school.types.js";
import type { Designation } from "./system-leader.model.js";
import type { Specialism } from "./system-leader.model.js";
import { DesignationEnum, SpecialismEnum } from "./system-leader.enums.js";
import { AREA_LEVELS, GAP_KINDS, type AreaLevel } from "./gap.model.js";
import { type SensitivityParameter } from "./sensitivity.js";
import { SENSITIVITY_PARAMETERS, SUPPLY_MODES, type SupplyMode } from "./support.rules.js";
import { graphqlEnum } from "../common/enums.js";

export const GapKindEnum = graphqlEnum(GAP_KINDS, {
  name: "GapKind",
  description:
    "Which areas: all, rural ones (most schools rural) or coastal ones (most schools coastal: the ONS coastal-towns flag where a school's town is classified, otherwise within 5 km of the coastline).",
});

export const AreaLevelEnum = graphqlEnum(AREA_LEVELS, {
  name: "AreaLevel",
  description:
    "A local authority, or a district within one (a unitary authority is its own single district).",
});

export const SupplyModeEnum = graphqlEnum(SUPPLY_MODES, {
  name: "SupplyMode",
  description:
    "Which support counts: REAL (the 87 Teaching School Hubs by the areas they serve, real designations and support within a school's own trust; never a synthetic designation) or MODELLED (REAL plus the synthetic NLE/LLE/SLE/NLG designations, a what-if). See src/modules/support/support.rules.ts.",
  valuesConfig: {
    REAL: { description: "Only what is real; no synthetic designation counts." },
    MODELLED: { description: "Real supply plus the synthetic designations, as a what-if." },
  },
});

/** The argument every supply-reading query takes. */
export const SUPPLY_ARGUMENT = {
  nullable: true,
  defaultValue: "REAL",
  description: "Which supply to count: REAL (default) or MODELLED (adds synthetic designations).",
} as const;

export const GapParameterEnum = graphqlEnum(SENSITIVITY_PARAMETERS, {
  name: "GapParameter",
  description: "A threshold of the gap detector that gapSensitivity moves.",
});

@ObjectType({ description: "An area the gap detector reports on." })
export class GapArea {
  @Field(() => String, {
    description: "ONS code: an LA's E06/E08/E09/E10 code, a district's E06/E07/E08/E09 code.",
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AreaLevelEnum)
  level!: AreaLevel;
}

@ObjectType({ description: "What one figure of an area's gap means, in plain words." })
export class FigureExplanation {
  @Field(() => String, { description: "The field it explains, e.g. gapIndex." })
  figure!: string;

  @Field(() => String, { description: "One line, with the area's own numbers." })
  text!: string;
}

@ObjectType({
  description:
    "An area's need for support weighed against the support within reach; docs/support-and-gaps.md defines every figure.",
})
export class SupportGap {
  @Field(() => GapArea)
  area!: GapArea;

  @Field(() => SupplyModeEnum, { description: "Which supply the figures count." })
  supplyMode!: SupplyMode;

  @Field(() => Int, { description: "State-funded schools in the area." })
  totalSchools!: number;

  @Field(() => Int, { description: "Schools in need bands 1 and 2." })
  needSchools!: number;

  @Field(() => Int, { description: "Pupils on roll in those schools." })
  needPupils!: number;

  @Field(() => Float, { description: "Their need weight: 2 per band-1 school, 1 per band-2." })
  needWeight!: number;

  @Field(() => Float, {
    description:
      "Support places within reach of the area's schools in need: each leader's free places shared among the schools in need it reaches (two-step floating catchment).",
  })
  supply!: number;

  @Field(() => Float, {
    description:
      "The part of supply from strong schools (Ofsted good or outstanding, not in need) of the need schools' own multi-academy trusts.",
  })
  trustSupply!: number;

  @Field(() => Int, {
    description: "Person designations (NLE, LLE, SLE, NLG) reaching a school in need.",
  })
  leadersWithinReach!: number;

  @Field(() => Int, { description: "Teaching School Hubs reaching a school in need." })
  hubsWithinReach!: number;

  @Field(() => Float, { description: "Share of the area's schools in any partnership, 0 to 1." })
  partnershipRate!: number;

  @Field(() => Float, { description: "Need-weighted share of need covered, 0 to 1." })
  coverage!: number;

  @Field(() => Float, { description: "Need weight left without support in reach." })
  unmetNeed!: number;

  @Field(() => Float, { description: "100 × unmetNeed / totalSchools; lists are ordered by it." })
  gapIndex!: number;

  @Field(() => Boolean, { description: "At least half the area's schools are rural." })
  rural!: boolean;

  @Field(() => Boolean, {
    description:
      "At least half the area's schools are coastal: by the ONS coastal-towns flag where a school's town is classified (it stops at estuary mouths), otherwise within 5 km of the Natural Earth 1:10m coastline.",
  })
  coastal!: boolean;

  @Field(() => Float)
  ruralShare!: number;

  @Field(() => Float)
  coastalShare!: number;
}

@ObjectType({
  description: "A school in no partnership with no system leader serving its phase within reach.",
})
export class IsolatedSchool {
  @Field(() => SupplyModeEnum, { description: "Which supply was looked for." })
  supplyMode!: SupplyMode;

  @Field(() => Int, { nullable: true })
  needBand!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Distance to the nearest system leader serving its phase, however far.",
  })
  nearestLeaderKm!: number | null;
}

@ObjectType({ description: "One threshold moved one way, and what it does to the top gaps." })
export class GapScenario {
  @Field(() => GapParameterEnum)
  parameter!: SensitivityParameter;

  @Field(() => Float, { description: "The multiplier applied, e.g. 0.9 or 1.1." })
  factor!: number;

  @Field(() => Float, { description: "The parameter's value under the scenario, in its units." })
  value!: number;

  @Field(() => [SupportGap], {
    description: "Areas that enter the top, with the scenario's figures.",
  })
  entering!: unknown[];

  @Field(() => [SupportGap], {
    description: "Areas that leave the top, with the baseline's figures.",
  })
  leaving!: unknown[];
}

@ObjectType({ description: "How the top gaps change when each threshold moves up or down." })
export class GapSensitivity {
  @Field(() => SupplyModeEnum, { description: "Which supply the figures count." })
  supplyMode!: SupplyMode;

  @Field(() => Int)
  top!: number;

  @Field(() => Float, { description: "The fraction each threshold moved, e.g. 0.1." })
  change!: number;

  @Field(() => [SupportGap])
  baseline!: unknown[];

  @Field(() => [GapScenario], { description: "Each parameter down, then up." })
  scenarios!: GapScenario[];

  @Field(() => [SupportGap], { description: "Areas in the top under every scenario." })
  robust!: unknown[];
}

@ObjectType({ description: "A convertor academy and whether it supports other schools." })
export class ConvertorAcademy {
  @Field(() => Boolean, {
    description: "A system leader based here has an open engagement elsewhere.",
  })
  supporting!: boolean;

  @Field(() => Int)
  openEngagements!: number;

  @Field(() => Int)
  pastEngagements!: number;
}

@ObjectType({
  description:
    "Convertor academies and whether they support any other school: an expectation of conversion the Education Committee found unmonitored.",
})
export class ConvertorAcademiesSupport {
  @Field(() => SupplyModeEnum, {
    description: "Which system leaders count (REAL: no synthetic designation).",
  })
  supplyMode!: SupplyMode;

  @Field(() => Int)
  convertors!: number;

  @Field(() => Int, { description: "Convertors where a system leader is based." })
  withSystemLeader!: number;

  @Field(() => Int, { description: "Convertors whose leaders support another school now." })
  supporting!: number;

  @Field(() => Float, { description: "supporting / convertors, 0 to 1." })
  supportingShare!: number;
}

@ObjectType({ description: "Why a school has its need band." })
export class NeedReason {
  @Field(() => String, { description: "Stable code, e.g. OFSTED_REQUIRES_IMPROVEMENT." })
  code!: string;

  @Field(() => String, { description: "The figures behind it." })
  detail!: string;
}

@ObjectType({
  description:
    "How much support a school needs, from 1 (most) to 4, by the rule in src/modules/support/need-bands.ts.",
})
export class SchoolNeed {
  @Field(() => Int)
  band!: number;

  @Field(() => Int, { nullable: true })
  points!: number | null;

  @Field(() => [NeedReason])
  reasons!: NeedReason[];

  @Field(() => [SpecialismEnum], {
    description: "Specialisms that address the need, weakest first.",
  })
  areas!: Specialism[];

  @Field(() => Int, { nullable: true, description: "The FamilyRun version compared against." })
  familyVersion!: number | null;

  @Field(() => Int, { nullable: true, description: "The version of the need-band rule." })
  ruleVersion!: number | null;
}

@ObjectType({ description: "A state-funded school placed on a map, with its need band." })
export class MapSchool {
  @Field(() => Int)
  urn!: number;

  @Field(() => String)
  name!: string;

  @Field(() => PhaseEnum, { nullable: true })
  phase!: Phase | null;

  @Field(() => Int, { nullable: true, description: "3-digit DfE local authority code." })
  localAuthorityCode!: number | null;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => Int, {
    nullable: true,
    description: "1 (most need) to 4; null until `npm run need-bands` has run.",
  })
  needBand!: number | null;
}

@ObjectType({ description: "A system leader or hub placed on a map." })
export class MapLeader {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DesignationEnum)
  designation!: Designation;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => Boolean, {
    description: "Generated from DfE's criteria: supply only when MODELLED.",
  })
  synthetic!: boolean;
}

@ObjectType({
  description:
    "What a map of an area's support draws: its state-funded schools with a location, how many have none, and the system leaders and hubs counting under the supply.",
})
export class SupportMap {
  @Field(() => SupplyModeEnum, { description: "Which supply the leaders are counted under." })
  supplyMode!: SupplyMode;

  @Field(() => [MapSchool], { description: "In URN order." })
  schools!: MapSchool[];

  @Field(() => Int, { description: "State-funded schools of the area with no known location." })
  withoutLocation!: number;

  @Field(() => [MapLeader], { description: "Those with a location, in id order." })
  leaders!: MapLeader[];
}
