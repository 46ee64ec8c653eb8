/**
 * The partner-matching rule: who may be suggested as a partner, which outcome a school is
 * matched on when it names none, and how candidates are scored. Every weight and threshold of
 * matching lives here once; matching.service.ts applies them. Change MATCHING_RULE_VERSION when
 * one changes.
 *
 * ## Focus
 *
 * The outcome a school wants help with. Without one named, it is the asker's weakest outcome
 * relative to its context-similar schools: for each outcome of its phase that it has a figure of
 * the newest year for, its standing against the median of its {@link CONTEXT_SIMILAR_COUNT}
 * nearest schools on the CONTEXT preset (pupils, FSM, SEN: the DfE benchmarking comparison)
 * that have that figure for that year, in robust standard deviations and the outcome's better
 * direction; the lowest standing wins. The Ofsted grade is the focus only when the asker has no
 * such outcome. Figures not published for the newest year of their key stage (KS2 progress scores:
 * last published for 2018/19, while KS2 attainment runs to 2024/25) are never a focus, and a
 * key-stage focus needs a school whose age range reaches the end of that key stage.
 *
 * ## Who may be a partner
 *
 * - strong on the focus in the newest data: its figure is of the newest year of that figure in
 *   the graph (KS4 2023/24, KS2 attainment 2024/25) and at least the England median of that year
 *   (the median of every school with a figure for that year), in the better direction; for the
 *   Ofsted grade, Good or Outstanding (see {@link STRONG_OFSTED_GRADE});
 * - not itself in need band 1 or 2 ({@link EXCLUDED_NEED_BANDS}): a school that needs support
 *   is not asked to give it;
 * - phase and key stage fit: it is of a phase `phaseMode` allows and measures the focus;
 * - within reach, better on the focus than the asker, sharing no partnership with it.
 *
 * ## Score
 *
 * Each factor is a value in 0..1; `contribution = weight × value` and `score = Σ contributions`.
 * See {@link FACTOR_WEIGHTS} for why these weights.
 */
import type { SupportTopic } from "../offers/offer.model.js";
import type { OutcomeFeature } from "../similarity/features.js";

export const MATCHING_RULE_VERSION = 2;

export const PARTNER_FACTORS = [
  "FOCUS_STRENGTH",
  "CONTEXT_SIMILARITY",
  "PROXIMITY",
  "CAPACITY",
  "NETWORK_BRIDGE",
  "OFFERS_WHAT_IS_SOUGHT",
] as const;
export type PartnerFactor = (typeof PARTNER_FACTORS)[number];

/**
 * | factor                  | weight | value                                                   |
 * |-------------------------|--------|---------------------------------------------------------|
 * | `FOCUS_STRENGTH`        | 0.30   | min(1, gap / 2), gap = how far the candidate's focus    |
 * |                         |        | figure beats the asker's, in robust SDs of each own     |
 * |                         |        | phase                                                   |
 * | `CONTEXT_SIMILARITY`    | 0.20   | 1 / (1 + d), d = CONTEXT-preset distance (pupils, FSM,  |
 * |                         |        | SEN)                                                    |
 * | `PROXIMITY`             | 0.20   | 1 − km / reach                                          |
 * | `CAPACITY`              | 0.10   | 1 / (1 + the candidate's partnership memberships)       |
 * | `NETWORK_BRIDGE`        | 0.10   | 1 when the asker has no partnership and the candidate   |
 * |                         |        | has one, else 0                                         |
 * | `OFFERS_WHAT_IS_SOUGHT` | 0.10   | the share of the sought topics the candidate offers:    |
 * |                         |        | what the asker seeks and the topics of the focus        |
 * |                         |        | ({@link FOCUS_TOPICS})                                   |
 *
 * Why: the focus is why the school is asking, so strength there weighs most, and it saturates at
 * 2 SDs because a far stronger school usually works in a context unlike the asker's. Practice
 * travels best between schools alike in size and intake, hence context next. Proximity makes
 * visits practical. Capacity spreads requests away from schools already in many partnerships.
 * The bridge equals the capacity weight so that, for an isolated asker, a candidate in any
 * partnership outranks an otherwise identical one in none. What a school records it offers
 * states outright what strength and context infer from published figures, so its 0.10 comes out
 * of those two (0.35 → 0.30, 0.25 → 0.20). The weights sum to 1.
 */
export const FACTOR_WEIGHTS: { readonly [F in PartnerFactor]: number } = {
  FOCUS_STRENGTH: 0.3,
  CONTEXT_SIMILARITY: 0.2,
  PROXIMITY: 0.2,
  CAPACITY: 0.1,
  NETWORK_BRIDGE: 0.1,
  OFFERS_WHAT_IS_SOUGHT: 0.1,
};

export const URBAN_REACH_KM = 15;
/** For a rural asker or one in a sparse setting, whose neighbours are further apart. */
export const RURAL_REACH_KM = 40;
/** Robust SDs of focus advantage at which FOCUS_STRENGTH reaches 1. */
export const FOCUS_SATURATION = 2;
export const DEFAULT_PARTNER_COUNT = 10;

/** How many CONTEXT-nearest schools of its phase the asker's outcomes are compared with. */
export const CONTEXT_SIMILAR_COUNT = 50;

/** Need bands whose schools are not suggested as partners: they need support themselves. */
export const EXCLUDED_NEED_BANDS: readonly number[] = [1, 2];

/** The worst Ofsted grade a partner for an Ofsted focus may have: 2, Good. */
export const STRONG_OFSTED_GRADE = 2;

/**
 * The support topics (offers/offer.model.ts) that address each focus: a partner offering them
 * offers what the asker needs even when the asker has recorded no seeks. Writing has no topic of
 * its own and goes with the curriculum; Progress 8 measures the whole curriculum and the teaching
 * behind it; the Ofsted grade judges leadership above all.
 */
export const FOCUS_TOPICS: { readonly [F in OutcomeFeature]: readonly SupportTopic[] } = {
  ks2ReadingProgress: ["READING_AND_PHONICS"],
  ks2WritingProgress: ["CURRICULUM"],
  ks2MathsProgress: ["MATHEMATICS"],
  ks2RwmExpected: ["READING_AND_PHONICS", "MATHEMATICS"],
  ks4Progress8: ["CURRICULUM", "TEACHER_DEVELOPMENT"],
  ks4Attainment8: ["CURRICULUM"],
  ofstedGrade: ["LEADERSHIP"],
};

export type KeyStage = "KS2" | "KS4";

/** The key stage of each outcome; null for the Ofsted grade, which every school has. */
export const FOCUS_KEY_STAGE: { readonly [F in OutcomeFeature]: KeyStage | null } = {
  ks2ReadingProgress: "KS2",
  ks2WritingProgress: "KS2",
  ks2MathsProgress: "KS2",
  ks2RwmExpected: "KS2",
  ks4Progress8: "KS4",
  ks4Attainment8: "KS4",
  ofstedGrade: null,
};

/**
 * The age pupils reach at the end of each key stage: a school whose statutory age range stops
 * earlier (a first or infant school for KS2, a middle school for KS4) has no such cohort.
 */
export const KEY_STAGE_END_AGE: { readonly [K in KeyStage]: number } = { KS2: 11, KS4: 16 };

/** Whether a school with this statutory high age (null: unknown) teaches to the end of `stage`. */
export function teachesKeyStage(highAge: number | null, stage: KeyStage | null): boolean {
  return stage === null || highAge === null || highAge >= KEY_STAGE_END_AGE[stage];
}

/**
 * Whether a figure is strong: at least the England median of its year, in the better direction
 * (`direction` +1 when higher is better); for the Ofsted grade, {@link STRONG_OFSTED_GRADE} or
 * better.
 */
export function isStrong(
  focus: OutcomeFeature,
  value: number,
  englandMedian: number,
  direction: 1 | -1,
): boolean {
  if (focus === "ofstedGrade") return value <= STRONG_OFSTED_GRADE;
  return direction * (value - englandMedian) >= 0;
}
