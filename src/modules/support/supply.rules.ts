/**
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
