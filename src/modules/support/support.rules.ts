/**
 * The support module's rules: every weight and threshold of need bands, supply, the gap detector
 * and its sensitivity, system leaders' reach and capacity, support candidates and assignment. The
 * topic files (need-bands.ts, gap-index.ts, sensitivity.ts, reach.ts, candidates.ts,
 * assignment.ts) hold the algorithms and explain them at their tops; their numbers are here.
 *
 * ## Supply
 *
 * What counts as support supply, and how Teaching School Hubs map onto areas (rule version 1).
 * Every supply-reading answer (supportGaps, isolatedSchools, gapSensitivity, schoolsToSupport,
 * supportAssignments, convertorAcademiesSupport) takes a `supply` mode and says which it used.
 *
 * ## Supply modes
 *
 * | mode      | counts                                                                                 |
 * |-----------|----------------------------------------------------------------------------------------|
 * | REAL      | the 87 Teaching School Hubs (by the areas they serve), designations loaded from a real |
 * |           | list (`--system-leaders`) or made through the API, and support within a school's own   |
 * |           | trust. Never a `synthetic: true` designation.                                           |
 * | MODELLED  | REAL plus the synthetic NLE/LLE/SLE/NLG designations, as a what-if                       |
 *
 * ## Support within a school's own trust
 *
 * A multi-academy trust with a strong member school (Ofsted grade 1 or 2 and not in need band 1
 * or 2) can support its own members in need. Each strong member gives TRUST_PLACES_PER_STRONG_SCHOOL
 * place, shared among the trust's members in need by need weight, as a leader's free places are
 * (gap-index.ts), and never more than a school's need weight: a trust with more strong schools
 * than need covers its own need and no more. The trust's places reach no school outside it. For a
 * school inspected since September 2024 (no overall grade) the grade is its lowest key judgement,
 * so it is strong when every key judgement is good or better.
 *
 * ## Hubs serve areas, not radii
 *
 * The bundle has no hub-to-LA table, so each LA of England is given to one hub:
 *
 * 1. NAMED: the LA's name occurs in the hub's name as whole words ("Swindon and Wiltshire
 *    Teaching School Hub" serves Swindon and Wiltshire), or the hub names a former county the LA
 *    was made from (FORMER_COUNTIES: "Cheshire" names Cheshire East and Cheshire West and
 *    Chester). Only LAs in the hub's region group count. An LA several hubs name goes to the one
 *    whose lead school is nearest the LA.
 * 2. NEAREST_LEAD_SCHOOL: every other LA goes to the hub of its region group whose lead school is
 *    nearest the LA (the mean position of its schools). A hub whose lead school lies outside its
 *    region group, or outside every LA its name names, takes no part: the lead school does not
 *    tell where the hub works (SW7 "Swindon and Wiltshire" is listed at Glenmoor Academy,
 *    Bournemouth).
 *
 * A hub reaches every school of the LAs it serves, however far, and serves any phase.
 */

import type { GapParameters } from "./gap-index.js";
import type { Designation } from "./system-leader.model.js";

export const SUPPLY_RULE_VERSION = 1;

export const SUPPLY_MODES = ["REAL", "MODELLED"] as const;
export type SupplyMode = (typeof SUPPLY_MODES)[number];
export const DEFAULT_SUPPLY_MODE: SupplyMode = "REAL";

export const SUPPLY_MODE_MEANING: { readonly [M in SupplyMode]: string } = {
  REAL:
    "Real supply only: the 87 DfE Teaching School Hubs by the areas they serve, designations from " +
    "a real list, and support within a school's own trust; no synthetic designation counts.",
  MODELLED:
    "Real supply plus the synthetic NLE, LLE, SLE and NLG designations the seed generates from " +
    "DfE's criteria: a what-if, not a list of real people.",
};

/** Whether a leader counts as supply under the mode. */
export function countsAsSupply(leader: { synthetic: boolean }, mode: SupplyMode): boolean {
  return mode === "MODELLED" || !leader.synthetic;
}

/** Ofsted grades (1 outstanding, 2 good) that make a trust member strong enough to help. */
export const STRONG_OFSTED_GRADES: readonly number[] = [1, 2];
/** Need bands a strong member must not be in. */
export const STRONG_EXCLUDED_NEED_BANDS: readonly number[] = [1, 2];
/** Support places each strong member gives its own trust's schools in need. */
export const TRUST_PLACES_PER_STRONG_SCHOOL = 1;

export const HUB_AREA_METHODS = ["NAMED", "NEAREST_LEAD_SCHOOL"] as const;
export type HubAreaMethod = (typeof HUB_AREA_METHODS)[number];

/** The hub's region group, by the letters of its DfE area code (EE1, L10, SW7 ...). */
export const HUB_REGION_GROUPS: { readonly [prefix: string]: string } = {
  NE: "E12000001",
  NW: "E12000002",
  YH: "E12000003",
  EM: "E12000004",
  WM: "E12000005",
  EE: "E12000006",
  L: "E12000007",
  SE: "E12000008",
  SW: "E12000009",
};

/**
 * Counties abolished since hubs were named after them, with the LAs that replaced them
 * (Berkshire 1998, Bedfordshire and Cheshire 2009, Northamptonshire 2021, Cumbria 2023).
 */
export const FORMER_COUNTIES: { readonly [county: string]: readonly string[] } = {
  Berkshire: [
    "Bracknell Forest",
    "Reading",
    "Slough",
    "West Berkshire",
    "Windsor and Maidenhead",
    "Wokingham",
  ],
  Bedfordshire: ["Bedford", "Central Bedfordshire"],
  Cheshire: ["Cheshire East", "Cheshire West and Chester"],
  Northamptonshire: ["North Northamptonshire", "West Northamptonshire"],
  Cumbria: ["Cumberland", "Westmorland and Furness"],
};

// ## Need bands (need-bands.ts)

/** Bump when a need-band number here or need-bands.ts changes what a school's band or reasons would be. */
export const NEED_RULE_VERSION = 2;

/** Ofsted inspects a good school about every four years: a graded judgement older is old. */
export const OLD_JUDGEMENT_YEARS = 4;

export const NEED_BANDS = [1, 2, 3, 4] as const;
export type NeedBand = (typeof NEED_BANDS)[number];

/** Bands the gap detector and the assignment count as need. */
export const NEED_BANDS_IN_NEED: readonly NeedBand[] = [1, 2];

export const OFSTED_POINTS: Readonly<Record<number, number>> = { 4: 4, 3: 2 };

export const STUCK_POINTS = 1;

export const UNGRADED_CONCERN_POINTS = 1;

/** The KS2 years that count as recent. */
export const RECENT_KS2_YEARS: readonly string[] = ["2022/23", "2023/24", "2024/25"];

export const KS2_RULE = {
  /** Years with results needed for a pattern. */
  minYears: 2,
  /** Pupils at which the pooled shortfall counts half: shrinks the results of a few pupils. */
  credibilityPupils: 15,
  /** Shrunk shortfall against the family median, percentage points. */
  below: 8,
  wellBelow: 15,
  /** Pooled RWM this far under England's, percentage points: persistently low whatever the family. */
  lowAgainstEngland: 18,
  /** One latest year this far under the family median, with at least oneYearCohort pupils. */
  oneYear: 20,
  oneYearCohort: 10,
  points: { wellBelow: 3, below: 2, low: 2, oneYear: 1 },
} as const;

export const KS4_RULE = {
  year: "2023/24",
  /** Progress 8 at or under this, with the interval entirely below 0, is well below. */
  progress8WellBelow: -0.5,
  attainment8WellBelow: 9,
  points: { wellBelow: 2, below: 1, attainment8: 1 },
} as const;

/** Schools with results a family needs in a year for its median to be a reference. */
export const MIN_FAMILY_SCHOOLS = 5;

export const OUTCOME_POINTS_MAX = 3;

export const DISADVANTAGE_POINTS = 1;

/** The FSM % quantile of the phase from which a school counts as disadvantaged. */
export const DISADVANTAGE_QUANTILE = 0.75;

// ## The gap detector (gap-index.ts)

export const NEED_WEIGHT: { readonly [B in NeedBand]: number } = { 1: 2, 2: 1, 3: 0, 4: 0 };

export const DEFAULT_GAP_PARAMETERS: Readonly<GapParameters> = Object.freeze({
  reachFactor: 1,
  capacityFactor: 1,
  partnershipCredit: 0.5,
  areaShare: 0.5,
  coastKm: 5,
  supply: DEFAULT_SUPPLY_MODE,
});

// ## Sensitivity of the gap thresholds (sensitivity.ts)

export const SENSITIVITY_PARAMETERS = [
  "REACH_KM",
  "LEADER_CAPACITY",
  "PARTNERSHIP_CREDIT",
  "AREA_SHARE",
  "COAST_DISTANCE_KM",
] as const;

export const DEFAULT_SENSITIVITY_CHANGE = 0.1;

/** The reach index is built for reaches up to this much beyond the rule (gap-index.ts). */
export const MAX_SENSITIVITY_CHANGE = 0.25;

// ## Reach and capacity of system leaders (reach.ts)

export const REACH_KM: { readonly [D in Designation]: number } = {
  NLE: 25,
  LLE: 15,
  SLE: 15,
  NLG: 25,
  TEACHING_SCHOOL_HUB: 40,
};

export const RURAL_FACTOR = 1.5;

export const SPARSE_FACTOR = 2;

export const DEFAULT_CAPACITY: { readonly [D in Designation]: number } = {
  NLE: 3,
  LLE: 2,
  SLE: 1,
  NLG: 2,
  TEACHING_SCHOOL_HUB: 10,
};

/** The longest reach any leader has, before sensitivity factors: for bounding searches. */
export const MAX_REACH_KM = Math.max(...Object.values(REACH_KM)) * SPARSE_FACTOR;

// ## Support candidates: need × fit × reach (candidates.ts)

export const NEED_FACTOR: { readonly [B in NeedBand]: number } = { 1: 1, 2: 0.75, 3: 0.4, 4: 0 };

export const FIT_WEAKEST_AREA = 1;

export const FIT_OTHER_AREA = 0.8;

export const FIT_NONE = 0.6;

/** REACH at the very edge of the radius. */
export const REACH_AT_EDGE = 0.5;

// ## Assigning leaders to schools (assignment.ts)

export const MAX_TIE_COST = 10_000;
