/**
 * Who a system leader can reach and how many schools they can take on: the supply side of
 * support, used alike by `schoolsToSupport`, `supportAssignments` and the gap detector.
 *
 * ## Reach
 *
 * A leader reaches a school when the straight-line distance between the leader's base school and
 * the school is at most
 *
 *     reach = REACH_KM[designation] × (SPARSE_FACTOR if the school is in a sparse setting,
 *                                      else RURAL_FACTOR if it is rural, else 1)
 *
 * | designation          | urban reach | why                                                        |
 * |----------------------|-------------|------------------------------------------------------------|
 * | NLE                  | 25 km       | national leaders were deployed beyond their own LA         |
 * | LLE                  | 15 km       | local leaders work with schools near their own             |
 * | SLE                  | 15 km       | specialists give days, not terms: travel must be short     |
 * | NLG                  | 25 km       | governance support is mostly meetings, a few a term        |
 * | TEACHING_SCHOOL_HUB  | 40 km       | a hub serves an area of roughly 250 schools                |
 *
 * In rural areas (ONS RUC2011 D1, D2, E1, E2) the nearest schools are further apart, so reach is
 * 1.5 times as far; in a sparse setting (the RUC "sparse" classes) twice as far. The factor is
 * the school's, not the leader's: it is the school's isolation that makes a longer journey the
 * only way to reach it. The same 15 km urban / 40 km rural reach as partner matching's
 * (matching.service.ts) would undersell hubs and overstate specialists.
 *
 * ## Capacity
 *
 * Schools at once, when a list gives none: NLE 3, LLE 2, SLE 1, NLG 2, hub 10. The NLE, LLE and
 * NLG figures follow DfE's deployment guidance of the 2010s (an NLE typically supported one to
 * three schools); a hub's figure is an assumption: hubs train teachers across their area, but
 * intensive school-to-school support from one hub is limited. Engagements still open (no end
 * date, or one after today: engagements/engagement.rules.ts) count against capacity.
 *
 * ## Phase
 *
 * A leader with a phase supports schools of that phase and of the phases next to it (a primary
 * leader also nursery and all-through schools; a secondary leader all-through and 16-plus
 * schools; a special-school leader alternative provision too). Hubs and leaders of governance
 * have no phase and support any school.
 */
import type { Phase } from "../schools/school.model.js";
import type { Designation } from "./system-leader.model.js";
import { REACH_KM, RURAL_FACTOR, SPARSE_FACTOR } from "./support.rules.js";

/** What the reach rule needs to know about a school's setting. */
export interface Setting {
  rural: boolean | null;
  sparse: boolean | null;
}

export function settingFactor(setting: Setting): number {
  if (setting.sparse === true) return SPARSE_FACTOR;
  if (setting.rural === true) return RURAL_FACTOR;
  return 1;
}

/** How far a leader of this designation travels to a school in this setting, in km. */
export function reachKm(designation: Designation, setting: Setting, factor = 1): number {
  return REACH_KM[designation] * settingFactor(setting) * factor;
}

const SERVED_PHASES: { readonly [P in Phase]: readonly Phase[] } = {
  PRIMARY: ["PRIMARY", "NURSERY", "ALL_THROUGH"],
  NURSERY: ["NURSERY", "PRIMARY"],
  SECONDARY: ["SECONDARY", "ALL_THROUGH", "SIXTEEN_PLUS"],
  ALL_THROUGH: ["ALL_THROUGH", "PRIMARY", "SECONDARY"],
  SIXTEEN_PLUS: ["SIXTEEN_PLUS", "SECONDARY"],
  SPECIAL: ["SPECIAL", "ALTERNATIVE_PROVISION"],
  ALTERNATIVE_PROVISION: ["ALTERNATIVE_PROVISION", "SPECIAL"],
  NOT_APPLICABLE: [],
};

/** Whether a leader of `leaderPhase` (null: any) supports a school of `schoolPhase`. */
export function servesPhase(leaderPhase: Phase | null, schoolPhase: Phase | null): boolean {
  if (leaderPhase === null) return true;
  if (schoolPhase === null) return false;
  return SERVED_PHASES[leaderPhase].includes(schoolPhase);
}

/** Places a leader has free: capacity less open engagements, never below zero. */
export function availableCapacity(capacity: number, openEngagements: number): number {
  return Math.max(0, capacity - openEngagements);
}
