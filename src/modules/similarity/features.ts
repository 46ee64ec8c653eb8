/**
 * The feature vectors behind "similar schools", families and partner matching: which figures
 * count, for which phase, how they are scaled and imputed, and how they are weighted. Every such
 * rule lives in this file so it can be read, and changed, in one place.
 *
 * ## Features
 *
 * | feature              | kind    | raw figure                                   | better |
 * |----------------------|---------|----------------------------------------------|--------|
 * | `pupils`             | context | pupils on roll                               |        |
 * | `fsmPercent`         | context | % pupils eligible for free school meals      |        |
 * | `ealPercent`         | context | % pupils with English as an additional lang. |        |
 * | `senPercent`         | context | % pupils with special educational needs      |        |
 * | `idaciScore`         | context | IDACI score of the school's LSOA (0..1)      |        |
 * | `rurality`           | context | ordinal from the ONS RUC2011 code, see below |        |
 * | `ks2PriorAttainment` | context | KS4 cohort's average KS2 scaled score        |        |
 * | `ks2ReadingProgress` | outcome | KS2 reading progress score                   | higher |
 * | `ks2WritingProgress` | outcome | KS2 writing progress score                   | higher |
 * | `ks2MathsProgress`   | outcome | KS2 maths progress score                     | higher |
 * | `ks2RwmExpected`     | outcome | % reaching the expected standard in RWM      | higher |
 * | `ks4Progress8`       | outcome | Progress 8                                   | higher |
 * | `ks4Attainment8`     | outcome | Attainment 8                                 | higher |
 * | `ofstedGrade`        | outcome | Ofsted grade, 1 outstanding .. 4 inadequate  | lower  |
 *
 * ## Phases
 *
 * Schools are only ever compared with schools of the same phase (matching may cross phases, and
 * then compares each school's position within its own phase). Context features apply to every
 * phase except `ks2PriorAttainment`, which only schools with a KS4 cohort have (see
 * {@link PRIOR_ATTAINMENT_PHASES}); outcome features only where the phase sits the assessment,
 * see {@link PHASE_OUTCOMES}.
 *
 * ## Imputation
 *
 * A missing figure (or an unknown RUC code) is replaced by the median of the schools of the same
 * phase that have it, and the school is flagged as imputed for that feature. After scaling the
 * phase median is exactly 0, so an imputed feature never pushes a school towards or away from
 * anyone: it neither invents a difference nor, as a zero would, a fake extreme.
 *
 * ## Scaling: robust z-scores per phase
 *
 * `scaled = (raw - phase median) / (phase IQR / 1.349)`, see {@link robustScale}. Range scaling
 * (DfE FBIT's choice) divides by max - min, so one mis-keyed 3,000-pupil primary would squash
 * every other primary's size differences towards zero; the interquartile range ignores such
 * outliers, and dividing it by 1.349 makes one unit about one standard deviation for normal-ish
 * figures, so weights read as "per typical spread". Where the IQR is 0 (Ofsted grades: most
 * schools are grade 2) the standard deviation is used instead, and a constant feature gets a
 * scale of 1 (every school scores 0 on it). Figures are not log-transformed: a shown difference
 * stays proportional to the raw figure the user sees.
 *
 * ## Distance and weights
 *
 * `distance² = Σ w_f · (scaled_a,f − scaled_b,f)²` over the features that apply to the phase and
 * carry a weight. Weights are relative; presets are in {@link PRESETS}, custom weights are checked
 * by {@link validateWeights}. A result is explained by the terms of that sum: each feature's
 * `term = w_f · d_f²` and `share = term / distance²`, so terms add up to distance² and shares to 1.
 */
import type { Phase } from "../schools/school.model.js";
import type { SchoolProfile } from "./similarity.model.js";
import { quantileSorted, standardDeviation } from "./stats.js";
import { ValidationError } from "../../errors/index.js";

export const CONTEXT_FEATURES = [
  "pupils",
  "fsmPercent",
  "ealPercent",
  "senPercent",
  "idaciScore",
  "rurality",
  "ks2PriorAttainment",
] as const;
export type ContextFeature = (typeof CONTEXT_FEATURES)[number];

export const OUTCOME_FEATURES = [
  "ks2ReadingProgress",
  "ks2WritingProgress",
  "ks2MathsProgress",
  "ks2RwmExpected",
  "ks4Progress8",
  "ks4Attainment8",
  "ofstedGrade",
] as const;
export type OutcomeFeature = (typeof OUTCOME_FEATURES)[number];

export type FeatureName = ContextFeature | OutcomeFeature;

/** Every feature in a fixed order: the column order of every feature matrix. */
export const FEATURES: readonly FeatureName[] = [...CONTEXT_FEATURES, ...OUTCOME_FEATURES];
export const FEATURE_COUNT = FEATURES.length;

/** Column of each feature in a feature matrix row. */
export const FEATURE_COLUMN = Object.fromEntries(
  FEATURES.map((name, column) => [name, column]),
) as {
  readonly [F in FeatureName]: number;
};

export function isFeatureName(name: string): name is FeatureName {
  return Object.hasOwn(FEATURE_COLUMN, name);
}

export function isOutcomeFeature(name: string): name is OutcomeFeature {
  return (OUTCOME_FEATURES as readonly string[]).includes(name);
}

/** `name` as an outcome feature; a ValidationError naming `argument` otherwise. */
export function checkOutcomeFeature(name: string, argument: string): OutcomeFeature {
  if (!isOutcomeFeature(name)) {
    throw new ValidationError(
      `\`${argument}\` must be an outcome feature (${OUTCOME_FEATURES.join(", ")}); got "${name}".`,
      argument,
    );
  }
  return name;
}

/** Ofsted grades run from 1 (outstanding) down to 4; every other outcome is better when higher. */
export const HIGHER_IS_BETTER: { readonly [F in OutcomeFeature]: boolean } = {
  ks2ReadingProgress: true,
  ks2WritingProgress: true,
  ks2MathsProgress: true,
  ks2RwmExpected: true,
  ks4Progress8: true,
  ks4Attainment8: true,
  ofstedGrade: false,
};

/** +1 when a higher figure is better, -1 when a lower one is. */
export function betterDirection(feature: OutcomeFeature): 1 | -1 {
  return HIGHER_IS_BETTER[feature] ? 1 : -1;
}

const KS2: readonly OutcomeFeature[] = [
  "ks2ReadingProgress",
  "ks2WritingProgress",
  "ks2MathsProgress",
  "ks2RwmExpected",
];
const KS4: readonly OutcomeFeature[] = ["ks4Progress8", "ks4Attainment8"];

/**
 * The outcome features compared within each phase.
 *
 * - PRIMARY: KS2 (pupils sit it in year 6) and the Ofsted grade.
 * - SECONDARY: KS4 Progress 8 and Attainment 8 (year 11) and the Ofsted grade.
 * - ALL_THROUGH: both key stages, since these schools teach and report both.
 * - SPECIAL, ALTERNATIVE_PROVISION: the Ofsted grade only. Their KS2/KS4 cohorts are tiny and
 *   chosen by need, so progress scores there say more about the intake than the school.
 * - NURSERY, SIXTEEN_PLUS, NOT_APPLICABLE: the Ofsted grade only; no KS2/KS4 cohort (KS5 figures
 *   are not in the graph).
 */
export const PHASE_OUTCOMES: { readonly [P in Phase]: readonly OutcomeFeature[] } = {
  PRIMARY: [...KS2, "ofstedGrade"],
  SECONDARY: [...KS4, "ofstedGrade"],
  ALL_THROUGH: [...KS2, ...KS4, "ofstedGrade"],
  SPECIAL: ["ofstedGrade"],
  ALTERNATIVE_PROVISION: ["ofstedGrade"],
  NURSERY: ["ofstedGrade"],
  SIXTEEN_PLUS: ["ofstedGrade"],
  NOT_APPLICABLE: ["ofstedGrade"],
};

/**
 * The phases that have the KS4 cohort's prior attainment (`ks2PriorAttainment`, the average KS2
 * scaled score of the pupils at the end of KS4 in 2023/24). Special schools publish one too, but
 * their cohorts are a handful of pupils placed by need, so it is left out there, as their KS4
 * results are.
 */
export const PRIOR_ATTAINMENT_PHASES: readonly Phase[] = ["SECONDARY", "ALL_THROUGH"];

/** The features that apply to a phase, in {@link FEATURES} order. */
export function featuresForPhase(phase: Phase): readonly FeatureName[] {
  const outcomes = PHASE_OUTCOMES[phase];
  return FEATURES.filter((name) =>
    name === "ks2PriorAttainment"
      ? PRIOR_ATTAINMENT_PHASES.includes(phase)
      : !isOutcomeFeature(name) || outcomes.includes(name),
  );
}

/**
 * Rurality as an ordinal from 0 (most urban) to 1 (most rural), from the ONS 2011 rural-urban
 * classification of the school's LSOA. The classes are ordered by settlement size (major
 * conurbation, minor conurbation, city and town, town and fringe, village and dispersed) and,
 * within a size, the "sparse setting" variant comes after the other, since a sparse setting means
 * longer journeys and fewer neighbours. The eight LSOA classes are spaced evenly:
 *
 * | code | class                                        | ordinal |
 * |------|----------------------------------------------|---------|
 * | A1   | urban major conurbation                      | 0       |
 * | B1   | urban minor conurbation                      | 1/7     |
 * | C1   | urban city and town                          | 2/7     |
 * | C2   | urban city and town in a sparse setting      | 3/7     |
 * | D1   | rural town and fringe                        | 4/7     |
 * | D2   | rural town and fringe in a sparse setting    | 5/7     |
 * | E1   | rural village and dispersed                  | 6/7     |
 * | E2   | rural village and dispersed, sparse setting  | 1       |
 *
 * Any other code (or none) is unknown and is imputed like a missing figure.
 */
export const RURALITY_ORDINAL: Readonly<Record<string, number>> = {
  A1: 0,
  B1: 1 / 7,
  C1: 2 / 7,
  C2: 3 / 7,
  D1: 4 / 7,
  D2: 5 / 7,
  E1: 6 / 7,
  E2: 1,
};

export function ruralityOrdinal(code: string | null): number | null {
  if (code === null) return null;
  return RURALITY_ORDINAL[code.trim().toUpperCase()] ?? null;
}

/** A school's raw figure for a feature; null when it is missing, unknown or not a finite number. */
export function rawFeatureValue(profile: SchoolProfile, feature: FeatureName): number | null {
  const value = feature === "rurality" ? ruralityOrdinal(profile.ruralUrbanCode) : profile[feature];
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Turns an IQR into the standard deviation of a normal distribution with that IQR. */
export const IQR_PER_STANDARD_DEVIATION = 1.349;

/** How one feature is scaled within one phase. */
export interface FeatureScale {
  /** Phase median of the observed figures: the imputed value. Null when no school has the figure. */
  median: number | null;
  /** The spread one scaled unit stands for. */
  scale: number;
}

/**
 * The robust scale of one feature within a phase, from the schools that have the figure: the
 * median, and the IQR / 1.349 (the standard deviation when the IQR is 0, and 1 when that is 0 too,
 * so division is always safe). See the file comment for why.
 */
export function robustScale(observed: ArrayLike<number>): FeatureScale {
  if (observed.length === 0) return { median: null, scale: 1 };
  const sorted = Float64Array.from(observed).sort();
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  const spread = iqr > 0 ? iqr / IQR_PER_STANDARD_DEVIATION : standardDeviation(sorted);
  return { median: quantileSorted(sorted, 0.5), scale: spread > 0 ? spread : 1 };
}

/** Relative weight of each feature; absent features weigh nothing. */
export type FeatureWeights = { readonly [F in FeatureName]?: number };

/**
 * Why each feature is in the FAMILIES preset, and at what weight. Families group schools on what
 * they take in, never on how they do: a family is the group a school's results are later judged
 * against, so grouping on results would put weak schools among weak schools and make them look
 * typical. This follows EEF's Families of Schools and DfE's similar schools, which compare on
 * intake and prior attainment only.
 *
 * | feature              | weight | why it is in                                                                                  |
 * |----------------------|--------|-----------------------------------------------------------------------------------------------|
 * | `fsmPercent`         | 1      | disadvantage: the strongest single predictor of attainment in England (EEF, DfE)             |
 * | `ealPercent`         | 1      | language of the intake; EEF families group on it, and it changes what a school has to teach  |
 * | `ks2PriorAttainment` | 1      | secondaries only: where the intake starts, the figure Progress 8 itself is measured from     |
 * | `idaciScore`         | 0.5    | deprivation of the neighbourhood beyond the school's own FSM; half weight, it overlaps FSM   |
 * | `senPercent`         | 0.5    | special needs on roll; real, but recorded unevenly between schools, so half weight           |
 * | `pupils`             | 0.25   | size: shapes staffing and budgets, says little about results; kept light                     |
 * | `rurality`           | 0.25   | setting (travel, recruitment, small cohorts); kept light so families are not just regions    |
 *
 * Outcomes (KS2, KS4, Ofsted) are not features of a family. They are still summarised on each
 * family (`median<Feature>`) because need bands compare a school's results with its family's.
 */
export const FAMILY_CONTEXT_WEIGHTS = {
  fsmPercent: 1,
  ealPercent: 1,
  ks2PriorAttainment: 1,
  idaciScore: 0.5,
  senPercent: 0.5,
  pupils: 0.25,
  rurality: 0.25,
} as const satisfies FeatureWeights;

/**
 * The version of the features and weights families are clustered on; recorded on every run
 * (`FamilyRun.featuresVersion`). `npm run families -- --if-missing` recomputes when the current
 * run was made with another version, so a change here reaches the graph on the next start.
 *
 * 1. (runs without a version) FSM, EAL, SEN and the phase's KS2/KS4 attainment and progress.
 * 2. Context only: {@link FAMILY_CONTEXT_WEIGHTS}.
 */
export const FAMILY_FEATURES_VERSION = 2;

/**
 * How many of a school's most alike schools "who does better" looks among: the school's nearest
 * schools of its phase on the FAMILIES features (in its region, when asked), as EEF's Families of
 * Schools gives every school its own 50 most similar schools. The k-means families are a
 * partition (need bands compare against their medians), so a school at a family's edge, or in a
 * family of two, would otherwise be compared with schools that are not much like it.
 */
export const ALIKE_SCHOOLS = 50;

/**
 * Named weightings.
 *
 * - `CONTEXT` follows the DfE financial benchmarking tool (FBIT): pupils 0.5, FSM 0.4, SEN 0.1.
 *   Schools alike in size and need, whatever their results: the fair comparison group, and the
 *   default of `similarSchools`.
 * - `FAMILIES` is what families are clustered on: intake only, see {@link FAMILY_CONTEXT_WEIGHTS}.
 * - `ALIKE_IN_RESULTS` asks a different question, "which schools get results like ours?": FSM,
 *   EAL and SEN at 1 each, attainment (KS2 RWM expected, Attainment 8) at 1, and progress at 1 in
 *   total per key stage (the three KS2 progress scores share it). It was the families preset
 *   before version 2; it is kept for that question and never used to judge results.
 *
 * Features that do not apply to a phase are dropped (primaries have no `ks2PriorAttainment`).
 */
export const PRESETS = {
  CONTEXT: { pupils: 0.5, fsmPercent: 0.4, senPercent: 0.1 },
  FAMILIES: FAMILY_CONTEXT_WEIGHTS,
  ALIKE_IN_RESULTS: {
    fsmPercent: 1,
    ealPercent: 1,
    senPercent: 1,
    ks2RwmExpected: 1,
    ks2ReadingProgress: 1 / 3,
    ks2WritingProgress: 1 / 3,
    ks2MathsProgress: 1 / 3,
    ks4Attainment8: 1,
    ks4Progress8: 1,
  },
} as const satisfies Record<string, FeatureWeights>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/**
 * Custom weights checked and typed: every key must be a feature name and every weight a finite
 * number ≥ 0, with at least one above 0. Throws a ValidationError naming `argument`.
 */
export function validateWeights(
  weights: Readonly<Record<string, number>>,
  argument = "weights",
): FeatureWeights {
  const checked: { [F in FeatureName]?: number } = {};
  let positive = false;
  for (const [name, weight] of Object.entries(weights)) {
    if (!isFeatureName(name)) {
      throw new ValidationError(
        `\`${argument}\` names an unknown feature "${name}"; known features: ${FEATURES.join(", ")}.`,
        argument,
      );
    }
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ValidationError(
        `\`${argument}.${name}\` must be a finite number ≥ 0; got ${weight}.`,
        argument,
      );
    }
    checked[name] = weight;
    positive ||= weight > 0;
  }
  if (!positive) {
    throw new ValidationError(
      `\`${argument}\` must give at least one feature a weight above 0.`,
      argument,
    );
  }
  return checked;
}

/** One feature's weight, as a caller lists it. */
export interface FeatureWeightEntry {
  feature: string;
  weight: number;
}

/**
 * Weights given as a list of (feature, weight) pairs, as the API takes them, as the map
 * {@link validateWeights} checks. A feature listed twice is ambiguous (which weight was meant?)
 * and is rejected, naming `argument`.
 */
export function weightsFromEntries(
  entries: readonly FeatureWeightEntry[],
  argument = "weights",
): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const { feature, weight } of entries) {
    if (Object.hasOwn(weights, feature)) {
      throw new ValidationError(
        `\`${argument}\` lists "${feature}" more than once; give each feature one weight.`,
        argument,
      );
    }
    weights[feature] = weight;
  }
  return weights;
}

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** A choice of weights: custom weights or a preset, not both. */
export interface WeightChoice {
  weights?: Readonly<Record<string, number>> | null;
  preset?: string | null;
}

/**
 * The weights a caller chose: custom `weights` (validated), else the named `preset`, else
 * `fallback`. Giving both is ambiguous and rejected, naming `weights`.
 */
export function resolveWeights(choice: WeightChoice, fallback: PresetName): FeatureWeights {
  const { weights, preset } = choice;
  if (weights != null && preset != null) {
    throw new ValidationError("Give either `weights` or `preset`, not both.", "weights");
  }
  if (weights != null) return validateWeights(weights);
  if (preset == null) return PRESETS[fallback];
  if (!isPresetName(preset)) {
    throw new ValidationError(
      `\`preset\` must be one of ${PRESET_NAMES.join(", ")}; got "${preset}".`,
      "preset",
    );
  }
  return PRESETS[preset];
}

/**
 * The weighted features that apply to a phase, as parallel column and weight arrays ready for a
 * distance loop. Zero weights are dropped since they cannot change a distance.
 */
export function activeColumns(
  phase: Phase,
  weights: FeatureWeights,
): { features: FeatureName[]; columns: Int32Array; weights: Float64Array } {
  const features = featuresForPhase(phase).filter((name) => (weights[name] ?? 0) > 0);
  return {
    features,
    columns: Int32Array.from(features, (name) => FEATURE_COLUMN[name]),
    weights: Float64Array.from(features, (name) => weights[name] ?? 0),
  };
}
