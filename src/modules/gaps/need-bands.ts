/**
 * Need bands: how much support a school needs, from 1 (most) to 4 (least), with the reasons. This
 * file holds the whole rule; `npm run need-bands` applies it to every state-funded school and
 * stores the result on the school (`needBand`, `needReasons` ...), with the family version and
 * NEED_RULE_VERSION it used. Change the rule, and bump NEED_RULE_VERSION.
 *
 * In the spirit of Dudley's banding ("support in inverse proportion to success"), three kinds of
 * evidence add up to points, and the points give the band.
 *
 * ## 1. Ofsted
 *
 * | judgement                     | points |
 * |-------------------------------|--------|
 * | 4 Inadequate                  | 4      |
 * | 3 Requires improvement        | 2      |
 * | 1 Outstanding, 2 Good, none   | 0      |
 *
 * The judgement is the latest graded inspection's: its overall effectiveness or, for inspections
 * since September 2024 (no overall grade), the lowest key judgement, and the reason says which.
 * It also gives the inspection date, and calls a judgement more than OLD_JUDGEMENT_YEARS old
 * "an old judgement": the points stand, but a reader should weigh them against recent results.
 *
 * ## 2. Outcomes against the school's family
 *
 * A school is compared with the median of its family of similar schools (the current FamilyRun,
 * `Family.median<Feature>`), so a school with a hard intake is not marked down for its intake.
 * For each outcome its phase sits (table below), the shortfall is how far the school is below its
 * family median. The thresholds are about half and one standard deviation of the school-level
 * figure across England:
 *
 * | outcome               | phases                 | below   | well below |
 * |-----------------------|------------------------|---------|------------|
 * | KS2 reading progress  | primary, all-through   | 1.25    | 2.5        |
 * | KS2 writing progress  | primary, all-through   | 1.25    | 2.5        |
 * | KS2 maths progress    | primary, all-through   | 1.25    | 2.5        |
 * | KS2 RWM expected (%)  | primary, all-through   | 8 pts   | 16 pts     |
 * | KS4 Progress 8        | secondary, all-through | 0.25    | 0.5        |
 * | KS4 Attainment 8      | secondary, all-through | 4.5     | 9          |
 *
 * An outcome counts only when the school is also below the median of its phase in England for
 * that outcome: families are formed partly on outcomes, so a family of very strong schools would
 * otherwise mark down a member that does better than most schools in England, and support is
 * too scarce to send where results are already above the middle.
 *
 * The published KS4 Progress 8 band of 2023/24 (newer than the 2018/19 scores, but national
 * rather than family-relative) counts as one more outcome: "Well below average" as well below,
 * "Below average" as below.
 *
 * Outcome points: 2 when any outcome is well below, else 1 when any is below; plus 1 when two or
 * more outcomes are at least below (a pattern, not one weak subject). At most 3.
 *
 * Special schools, alternative provision, nurseries and 16-plus schools have no outcome measures
 * that compare fairly (tiny or selected cohorts, no tests): Ofsted and disadvantage decide.
 * A school in no family of the current run is judged on Ofsted and disadvantage alone, with
 * reason NO_FAMILY.
 *
 * ## 3. Disadvantage
 *
 * 1 point when the school's FSM % is in the top quarter of its phase in England (at or above the
 * phase's upper quartile among the schools banded). Families already group schools by FSM, so
 * disadvantage is counted against all of England rather than the family.
 *
 * ## Band
 *
 * | points | band              |
 * |--------|-------------------|
 * | 4+     | 1 (most need)     |
 * | 2-3    | 2                 |
 * | 1      | 3                 |
 * | 0      | 4 (least need)    |
 *
 * So an inadequate school is always band 1; "requires improvement" alone is band 2, and band 1
 * when its outcomes are also well below its family's; weak outcomes alone give band 2 (well below,
 * or below on two measures) or 3; disadvantage alone gives band 3. Bands 1 and 2 are what the gap
 * detector and the assignment count as need.
 *
 * ## Areas
 *
 * Each reason names the specialisms that address it (see REASON_AREAS); a school's `needAreas`
 * lists them with the weakest area first: the outcome with the largest shortfall relative to its
 * well-below threshold, then Ofsted, then disadvantage. Special schools and alternative provision
 * in need add SEND. `schoolsToSupport` and the assignment prefer a leader whose specialism
 * matches.
 */
import type { Phase } from "../schools/school.model.js";
import type { Specialism } from "../system-leaders/system-leader.model.js";

/** Bump when anything in this file changes what a school's band or reasons would be. */
export const NEED_RULE_VERSION = 2;

/** Ofsted inspects a good school about every four years: a graded judgement older is old. */
export const OLD_JUDGEMENT_YEARS = 4;

export const NEED_BANDS = [1, 2, 3, 4] as const;
export type NeedBand = (typeof NEED_BANDS)[number];

/** Bands the gap detector and the assignment count as need. */
export const NEED_BANDS_IN_NEED: readonly NeedBand[] = [1, 2];

export const NEED_MEASURES = [
  "ks2ReadingProgress",
  "ks2WritingProgress",
  "ks2MathsProgress",
  "ks2RwmExpected",
  "ks4Progress8",
  "ks4Attainment8",
] as const;
export type NeedMeasure = (typeof NEED_MEASURES)[number];

interface MeasureRule {
  label: string;
  /** Shortfall against the family median at which the outcome is below / well below. */
  below: number;
  wellBelow: number;
  code: string;
  areas: readonly Specialism[];
  /** Digits shown in reasons. */
  digits: number;
}

export const MEASURE_RULES: { readonly [M in NeedMeasure]: MeasureRule } = {
  ks2ReadingProgress: {
    label: "KS2 reading progress",
    below: 1.25,
    wellBelow: 2.5,
    code: "KS2_READING_PROGRESS",
    areas: ["ENGLISH"],
    digits: 1,
  },
  ks2WritingProgress: {
    label: "KS2 writing progress",
    below: 1.25,
    wellBelow: 2.5,
    code: "KS2_WRITING_PROGRESS",
    areas: ["ENGLISH"],
    digits: 1,
  },
  ks2MathsProgress: {
    label: "KS2 maths progress",
    below: 1.25,
    wellBelow: 2.5,
    code: "KS2_MATHS_PROGRESS",
    areas: ["MATHEMATICS"],
    digits: 1,
  },
  ks2RwmExpected: {
    label: "KS2 % reaching the expected standard in reading, writing and maths",
    below: 8,
    wellBelow: 16,
    code: "KS2_RWM_EXPECTED",
    areas: ["ENGLISH", "MATHEMATICS"],
    digits: 0,
  },
  ks4Progress8: {
    label: "KS4 Progress 8",
    below: 0.25,
    wellBelow: 0.5,
    code: "KS4_PROGRESS8",
    areas: ["CURRICULUM", "ENGLISH", "MATHEMATICS"],
    digits: 2,
  },
  ks4Attainment8: {
    label: "KS4 Attainment 8",
    below: 4.5,
    wellBelow: 9,
    code: "KS4_ATTAINMENT8",
    areas: ["CURRICULUM", "ENGLISH", "MATHEMATICS"],
    digits: 1,
  },
};

const KS2: readonly NeedMeasure[] = [
  "ks2ReadingProgress",
  "ks2WritingProgress",
  "ks2MathsProgress",
  "ks2RwmExpected",
];
const KS4: readonly NeedMeasure[] = ["ks4Progress8", "ks4Attainment8"];

/** The outcomes compared with the family, per phase (see the file comment for why). */
export const PHASE_MEASURES: { readonly [P in Phase]: readonly NeedMeasure[] } = {
  PRIMARY: KS2,
  SECONDARY: KS4,
  ALL_THROUGH: [...KS2, ...KS4],
  SPECIAL: [],
  ALTERNATIVE_PROVISION: [],
  NURSERY: [],
  SIXTEEN_PLUS: [],
  NOT_APPLICABLE: [],
};

/** Phases that sit KS4 and so have a Progress 8 band. */
const PROGRESS8_BAND_PHASES: readonly Phase[] = ["SECONDARY", "ALL_THROUGH"];

export const OFSTED_POINTS: Readonly<Record<number, number>> = { 4: 4, 3: 2 };
export const OUTCOME_POINTS = { wellBelow: 2, below: 1, pattern: 1, max: 3 } as const;
export const DISADVANTAGE_POINTS = 1;
/** The FSM % quantile of the phase from which a school counts as disadvantaged. */
export const DISADVANTAGE_QUANTILE = 0.75;

/** The band for a number of points; see the table in the file comment. */
export function bandForPoints(points: number): NeedBand {
  if (points >= 4) return 1;
  if (points >= 2) return 2;
  if (points >= 1) return 3;
  return 4;
}

/** What the rule reads about one school. */
export interface NeedInput {
  urn: number;
  phase: Phase | null;
  /** 1 outstanding .. 4 inadequate. */
  ofstedGrade: number | null;
  /** OVERALL_EFFECTIVENESS, or LOWEST_KEY_JUDGEMENT for inspections since September 2024. */
  ofstedGradeBasis: string | null;
  /** The inspection's date, yyyy-mm-dd. */
  ofstedDate: string | null;
  fsmPercent: number | null;
  /** The 2023/24 published band, e.g. "Well below average". */
  ks4Progress8Band: string | null;
  figures: { readonly [M in NeedMeasure]?: number | null };
  /** Medians of the school's family; null when the school is in no family of the current run. */
  familyMedians: { readonly [M in NeedMeasure]?: number | null } | null;
}

export interface NeedReason {
  /** Stable code, e.g. OFSTED_REQUIRES_IMPROVEMENT, KS2_MATHS_PROGRESS_WELL_BELOW_FAMILY. */
  code: string;
  /** Human-readable, with the figures behind it. */
  detail: string;
  points: number;
  areas: readonly Specialism[];
}

export interface NeedAssessment {
  urn: number;
  band: NeedBand;
  points: number;
  reasons: NeedReason[];
  /** Specialisms that address the reasons, weakest area first. */
  areas: Specialism[];
}

/** Per-phase figures the rule derives from all schools before judging any one. */
export interface NeedContext {
  /** FSM % at or above which a school of the phase counts as disadvantaged. */
  disadvantageThreshold: ReadonlyMap<Phase, number>;
  /** Median of each outcome among the phase's schools in England. */
  nationalMedian: ReadonlyMap<Phase, { readonly [M in NeedMeasure]?: number }>;
  /** The day the bands are worked out (yyyy-mm-dd), against which a judgement's age is told. */
  asOf: string;
}

const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** Whole years from one yyyy-mm-dd to a later one. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The Ofsted reason in words: which judgement, from when, and whether it is old. */
function ofstedDetail(input: NeedInput, asOf: string): string {
  const grade = input.ofstedGrade === 4 ? "Inadequate" : "Requires improvement";
  const judged =
    input.ofstedGradeBasis === "LOWEST_KEY_JUDGEMENT"
      ? `Ofsted: ${grade} in at least one key judgement (grade ${input.ofstedGrade}; ` +
        "no overall grade since September 2024)"
      : `Ofsted: ${grade} (grade ${input.ofstedGrade})`;
  if (input.ofstedDate === null) return `${judged}, inspection date not held`;
  const years = wholeYears(input.ofstedDate, asOf);
  const old = years >= OLD_JUDGEMENT_YEARS ? `: an old judgement, ${years} years ago` : "";
  return `${judged}, inspected ${longDate(input.ofstedDate)}${old}`;
}

function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/**
 * The disadvantage threshold and outcome medians of each phase, from the schools being banded.
 */
export function needContext(
  inputs: readonly NeedInput[],
  asOf: string = new Date().toISOString().slice(0, 10),
): NeedContext {
  const fsm = new Map<Phase, number[]>();
  const outcomes = new Map<Phase, Map<NeedMeasure, number[]>>();
  const push = <K>(map: Map<K, number[]>, key: K, value: number) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const input of inputs) {
    if (input.phase === null) continue;
    if (input.fsmPercent !== null) push(fsm, input.phase, input.fsmPercent);
    let phaseOutcomes = outcomes.get(input.phase);
    if (!phaseOutcomes) {
      phaseOutcomes = new Map();
      outcomes.set(input.phase, phaseOutcomes);
    }
    for (const measure of PHASE_MEASURES[input.phase]) {
      const value = input.figures[measure];
      if (value !== null && value !== undefined) push(phaseOutcomes, measure, value);
    }
  }
  const disadvantageThreshold = new Map<Phase, number>();
  for (const [phase, values] of fsm) {
    values.sort((a, b) => a - b);
    disadvantageThreshold.set(phase, quantile(values, DISADVANTAGE_QUANTILE));
  }
  const nationalMedian = new Map<Phase, { [M in NeedMeasure]?: number }>();
  for (const [phase, byMeasure] of outcomes) {
    const medians: { [M in NeedMeasure]?: number } = {};
    for (const [measure, values] of byMeasure) {
      values.sort((a, b) => a - b);
      medians[measure] = quantile(values, 0.5);
    }
    nationalMedian.set(phase, medians);
  }
  return { disadvantageThreshold, nationalMedian, asOf };
}

function signed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return value > 0 ? `+${text}` : text;
}

interface Shortfall {
  reason: NeedReason;
  /** Shortfall over the well-below threshold: how weak, comparably across measures. */
  severity: number;
  level: "below" | "wellBelow";
}

function familyShortfalls(input: NeedInput, phase: Phase, context: NeedContext): Shortfall[] {
  const medians = input.familyMedians;
  if (medians === null) return [];
  const national = context.nationalMedian.get(phase) ?? {};
  const found: Shortfall[] = [];
  for (const measure of PHASE_MEASURES[phase]) {
    const value = input.figures[measure];
    const median = medians[measure];
    if (value === null || value === undefined || median === null || median === undefined) continue;
    const englandMedian = national[measure];
    if (englandMedian !== undefined && value >= englandMedian) continue;
    const rule = MEASURE_RULES[measure];
    const shortfall = median - value;
    if (shortfall < rule.below) continue;
    const level = shortfall >= rule.wellBelow ? "wellBelow" : "below";
    found.push({
      level,
      severity: shortfall / rule.wellBelow,
      reason: {
        code: `${rule.code}_${level === "wellBelow" ? "WELL_BELOW" : "BELOW"}_FAMILY`,
        detail:
          `${rule.label} ${signed(value, rule.digits)} against a family median of ` +
          `${signed(median, rule.digits)}: ${level === "wellBelow" ? "well below" : "below"} ` +
          `similar schools`,
        points: 0,
        areas: rule.areas,
      },
    });
  }
  return found;
}

function progress8BandShortfall(input: NeedInput, phase: Phase): Shortfall | null {
  if (!PROGRESS8_BAND_PHASES.includes(phase) || input.ks4Progress8Band === null) return null;
  const band = input.ks4Progress8Band.trim().toLowerCase();
  const level =
    band === "well below average" ? "wellBelow" : band === "below average" ? "below" : null;
  if (level === null) return null;
  return {
    level,
    // Ranks with a family shortfall at the threshold of the same level.
    severity: level === "wellBelow" ? 1 : 0.5,
    reason: {
      code: `KS4_PROGRESS8_BAND_${level === "wellBelow" ? "WELL_BELOW" : "BELOW"}`,
      detail: `KS4 Progress 8 band 2023/24: ${input.ks4Progress8Band}`,
      points: 0,
      areas: MEASURE_RULES.ks4Progress8.areas,
    },
  };
}

const PHASES_NEEDING_SEND: readonly Phase[] = ["SPECIAL", "ALTERNATIVE_PROVISION"];

/** The band, points, reasons and areas of one school; see the file comment for the rule. */
export function assessNeed(input: NeedInput, context: NeedContext): NeedAssessment {
  const reasons: NeedReason[] = [];
  const areaOrder: { areas: readonly Specialism[]; severity: number }[] = [];
  let points = 0;

  const ofstedPoints = input.ofstedGrade === null ? 0 : (OFSTED_POINTS[input.ofstedGrade] ?? 0);
  if (ofstedPoints > 0) {
    const inadequate = input.ofstedGrade === 4;
    const areas: readonly Specialism[] = inadequate ? ["LEADERSHIP", "GOVERNANCE"] : ["LEADERSHIP"];
    reasons.push({
      code: inadequate ? "OFSTED_INADEQUATE" : "OFSTED_REQUIRES_IMPROVEMENT",
      detail: ofstedDetail(input, context.asOf),
      points: ofstedPoints,
      areas,
    });
    // Behind any weak outcome, whose subject is the sharper focus for support.
    areaOrder.push({ areas, severity: 0.25 });
    points += ofstedPoints;
  }

  if (input.phase !== null) {
    const phase = input.phase;
    if (input.familyMedians === null && PHASE_MEASURES[phase].length > 0) {
      reasons.push({
        code: "NO_FAMILY",
        detail: "In no family of the current run: outcomes not compared with similar schools",
        points: 0,
        areas: [],
      });
    }
    const shortfalls = familyShortfalls(input, phase, context);
    const band = progress8BandShortfall(input, phase);
    if (band) shortfalls.push(band);
    shortfalls.sort((a, b) => b.severity - a.severity);
    if (shortfalls.length > 0) {
      const anyWellBelow = shortfalls.some((s) => s.level === "wellBelow");
      let outcomePoints: number = anyWellBelow ? OUTCOME_POINTS.wellBelow : OUTCOME_POINTS.below;
      if (shortfalls.length >= 2) outcomePoints += OUTCOME_POINTS.pattern;
      outcomePoints = Math.min(OUTCOME_POINTS.max, outcomePoints);
      // The outcome points are the group's; they are shown on the weakest outcome.
      shortfalls.forEach((s, i) => {
        reasons.push({ ...s.reason, points: i === 0 ? outcomePoints : 0 });
        areaOrder.push({ areas: s.reason.areas, severity: s.severity });
      });
      points += outcomePoints;
    }

    const threshold = context.disadvantageThreshold.get(phase);
    if (threshold !== undefined && input.fsmPercent !== null && input.fsmPercent >= threshold) {
      reasons.push({
        code: "HIGH_DISADVANTAGE",
        detail:
          `${input.fsmPercent.toFixed(1)} % of pupils eligible for free school meals: in the ` +
          `most disadvantaged quarter of ${phase.toLowerCase().replace(/_/g, " ")} schools ` +
          `(from ${threshold.toFixed(1)} %)`,
        points: DISADVANTAGE_POINTS,
        areas: ["DISADVANTAGED_PUPILS"],
      });
      areaOrder.push({ areas: ["DISADVANTAGED_PUPILS"], severity: 0 });
      points += DISADVANTAGE_POINTS;
    }
  }

  const hasEvidence =
    input.ofstedGrade !== null ||
    (input.phase !== null &&
      PHASE_MEASURES[input.phase].some(
        (m) => input.figures[m] !== null && input.figures[m] !== undefined,
      ));
  if (!hasEvidence) {
    reasons.push({
      code: "INSUFFICIENT_DATA",
      detail: "No Ofsted judgement and no outcome measure in the graph",
      points: 0,
      areas: [],
    });
  }

  const band = bandForPoints(points);
  areaOrder.sort((a, b) => b.severity - a.severity);
  const areas: Specialism[] = [];
  const add = (area: Specialism) => {
    if (!areas.includes(area)) areas.push(area);
  };
  if (band <= 2 && input.phase !== null && PHASES_NEEDING_SEND.includes(input.phase)) add("SEND");
  for (const entry of areaOrder) entry.areas.forEach(add);
  return { urn: input.urn, band, points, reasons, areas };
}

/** Bands for a whole set of schools: the disadvantage thresholds come from the same set. */
export function assessNeeds(inputs: readonly NeedInput[], asOf?: string): NeedAssessment[] {
  const context = needContext(inputs, asOf);
  return inputs.map((input) => assessNeed(input, context));
}
