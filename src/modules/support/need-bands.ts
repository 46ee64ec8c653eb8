/**
 * Need bands: how much support a school needs, from 1 (most) to 4 (least), with the reasons. This
 * file holds the rule and support.rules.ts its numbers; `npm run need-bands` applies it to every state-funded school and
 * stores the result on the school (`needBand`, `needReasons` ...), with the family version and
 * NEED_RULE_VERSION it used. Change the rule, and bump NEED_RULE_VERSION.
 *
 * In the spirit of Dudley's banding ("support in inverse proportion to success"), three kinds of
 * evidence add up to points, and the points give the band. Every reason names the figures and the
 * years behind it.
 *
 * ## 1. Ofsted: the newest evidence, and how old it is
 *
 * | evidence                                                              | points |
 * |-----------------------------------------------------------------------|--------|
 * | latest graded inspection Inadequate (or any key judgement inadequate) | 4      |
 * | latest graded inspection Requires improvement                         | 2      |
 * | stuck: also below good at the previous graded inspection              | +1     |
 * | an ungraded inspection since the latest graded one raised concerns    | +1     |
 *
 * The latest graded judgement is its overall effectiveness or, for inspections since September
 * 2024 (no overall grade), the lowest key judgement, and the reason says which. It gives the
 * inspection date and calls a judgement more than OLD_JUDGEMENT_YEARS old "an old judgement": the
 * points stand, but results decide more when they are newer. An ungraded inspection since then
 * that found the school improved is said (no points).
 *
 * ## 2. Results over the recent years, against context-similar schools
 *
 * Families are formed on context (intake) only, so comparing a school's results with its family's
 * is comparing it with schools that have pupils like its own.
 *
 * **KS2** (primary, all-through): the % of pupils reaching the expected standard in reading,
 * writing and maths (RWM) in each recent year with results (2022/23 to 2024/25). Each year is
 * compared with the median of the school's family that year and with England that year (all
 * pupils). Years are pooled weighted by cohort, so a 9-pupil year counts for 9 pupils: it neither
 * hides a pattern (it still counts) nor dominates one. The pooled shortfall is then shrunk by
 * `pupils / (pupils + KS2_RULE.credibilityPupils)`, so the results of a few pupils need to be
 * further below to count.
 *
 * | pattern (at least two years with results)                                      | points |
 * |--------------------------------------------------------------------------------|--------|
 * | persistently well below similar schools (shrunk shortfall ≥ wellBelow points)  | 3      |
 * | persistently below similar schools (shrunk shortfall ≥ below points)           | 2      |
 * | persistently low: the latest two years under England's, pooled and shrunk by    | 2      |
 * | lowAgainstEngland points or more, whatever similar schools do                  |        |
 * | one low latest year only (≥ oneYear points under the family, cohort ≥ 10)      | 1      |
 *
 * Against the family, "persistently" means the pooled figure, at least two years and the latest
 * year are below (a school whose latest results are above England's is not persistently low);
 * a family's median for a year needs MIN_FAMILY_SCHOOLS schools with results. A shortfall
 * against the family counts only when the school's pooled RWM is also below England's: support is
 * too scarce to send where results are above the middle. Persistently low results give band 2 on
 * their own, whatever the last Ofsted grade, and band 1 with a weak judgement. One low year is a
 * signal to watch (band 3), not a pattern: St Patrick's, Sheffield, whose results fell in one
 * year, is watched, not given a leader. KS2 progress scores (2018/19) are no longer evidence.
 *
 * **KS4** (secondary, all-through): Progress 8 2023/24 with its 95 % confidence interval (the
 * one recent KS4 year). Well below: P8 at most -0.5 and the interval entirely below 0 (2 points);
 * below: the interval entirely below 0 (1 point). 2018/19 is shown as older evidence, no points.
 * Attainment 8 at least KS4_RULE.attainment8WellBelow under the family median (families of
 * secondaries include the cohort's KS2 prior attainment) and under England's median adds 1.
 *
 * Outcome points are at most 3. Special schools, alternative provision, nurseries and 16-plus
 * schools have no results that compare fairly: Ofsted and disadvantage decide. A school in no
 * family is compared with England only (reason NO_FAMILY).
 *
 * ## 3. Disadvantage
 *
 * 1 point when the school's FSM % is in the top quarter of its phase in England.
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
 * Bands 1 and 2 are what the gap detector and the assignment count as need. Areas of support:
 * the weakest outcome's subject first, then leadership for Ofsted reasons, then disadvantage.
 * Special schools and alternative provision in need add SEND.
 */
import type { Phase } from "../schools/school.model.js";
import { median, quantileSorted } from "../similarity/stats.js";
import type { Specialism } from "./system-leader.model.js";
import {
  DISADVANTAGE_POINTS,
  DISADVANTAGE_QUANTILE,
  KS2_RULE,
  KS4_RULE,
  MIN_FAMILY_SCHOOLS,
  NeedBand,
  OFSTED_POINTS,
  OLD_JUDGEMENT_YEARS,
  OUTCOME_POINTS_MAX,
  RECENT_KS2_YEARS,
  STUCK_POINTS,
  UNGRADED_CONCERN_POINTS,
} from "./support.rules.js";

/** Ungraded inspection outcomes that raise concerns, and those that find improvement. */
const UNGRADED_CONCERN = /concern|not as strong|declin/i;
const UNGRADED_IMPROVED = /improv/i;

const KS2_PHASES: readonly Phase[] = ["PRIMARY", "ALL_THROUGH"];
const KS4_PHASES: readonly Phase[] = ["SECONDARY", "ALL_THROUGH"];
const PHASES_NEEDING_SEND: readonly Phase[] = ["SPECIAL", "ALTERNATIVE_PROVISION"];
const KS2_AREAS: readonly Specialism[] = ["ENGLISH", "MATHEMATICS"];
const KS4_AREAS: readonly Specialism[] = ["CURRICULUM", "ENGLISH", "MATHEMATICS"];

export function bandForPoints(points: number): NeedBand {
  if (points >= 4) return 1;
  if (points >= 2) return 2;
  if (points >= 1) return 3;
  return 4;
}

/** One year of KS2 results. */
export interface Ks2Year {
  year: string;
  /** % reaching the expected standard in RWM. */
  rwm: number;
  /** Eligible pupils; null when not published. */
  cohort: number | null;
}

/** A graded inspection: its date and its grade (overall, else the lowest key judgement). */
export interface GradedInspection {
  date: string;
  grade: number | null;
}

/** What the rule reads about one school. */
export interface NeedInput {
  urn: number;
  phase: Phase | null;
  /** The latest graded judgement, 1 outstanding .. 4 inadequate. */
  ofstedGrade: number | null;
  /** OVERALL_EFFECTIVENESS, or LOWEST_KEY_JUDGEMENT for inspections since September 2024. */
  ofstedGradeBasis: string | null;
  /** The latest graded inspection's date, yyyy-mm-dd. */
  ofstedDate: string | null;
  /** The graded inspection before the latest, when held. */
  previousGraded: GradedInspection | null;
  /** The latest ungraded inspection, when held. */
  latestUngraded: { date: string; outcome: string | null } | null;
  fsmPercent: number | null;
  /** KS2 results by year, any order. */
  ks2: readonly Ks2Year[];
  /** KS4 2023/24. */
  ks4: {
    progress8: number | null;
    lower: number | null;
    upper: number | null;
    pupils: number | null;
    attainment8: number | null;
  } | null;
  /** Progress 8 of 2018/19, older evidence. */
  olderProgress8: number | null;
  /** The family of the current run; null when the school is in none. */
  familyId: string | null;
  /** The family's Attainment 8 median. */
  familyAttainment8: number | null;
}

export interface NeedReason {
  /** Stable code, e.g. OFSTED_REQUIRES_IMPROVEMENT, KS2_RWM_PERSISTENTLY_BELOW_FAMILY. */
  code: string;
  /** Human-readable, with the figures and years behind it. */
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

/** Figures the rule derives from all schools before judging any one. */
export interface NeedContext {
  /** FSM % at or above which a school of the phase counts as disadvantaged. */
  disadvantageThreshold: ReadonlyMap<Phase, number>;
  /** KS2 RWM % of all pupils in England's banded schools, per year. */
  englandKs2: ReadonlyMap<string, number>;
  /** Median KS2 RWM % of each family's schools, per year. */
  familyKs2: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Median Attainment 8 of England's schools sitting KS4. */
  englandAttainment8: number | null;
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

const gradeWord = (grade: number) =>
  ({ 1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate" })[grade] ??
  `grade ${grade}`;

/** The Ofsted reason in words: which judgement, from when, and whether it is old. */
function ofstedDetail(input: NeedInput, asOf: string): string {
  const grade = gradeWord(input.ofstedGrade ?? 0);
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

/** The recent KS2 years a school has results for, oldest first. */
function recentKs2(input: NeedInput): Ks2Year[] {
  return input.ks2
    .filter((y) => RECENT_KS2_YEARS.includes(y.year))
    .sort((a, b) => a.year.localeCompare(b.year));
}

function appendTo<K>(lists: Map<K, number[]>, key: K, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The thresholds and references of the rule, from the schools being banded. */
export function needContext(
  inputs: readonly NeedInput[],
  asOf: string = new Date().toISOString().slice(0, 10),
): NeedContext {
  const fsm = new Map<Phase, number[]>();
  const england = new Map<string, { pupils: number; reaching: number }>();
  const family = new Map<string, Map<string, number[]>>();
  const attainment8: number[] = [];
  for (const input of inputs) {
    if (input.phase === null) continue;
    // Pushed in place: copying the list on every school made this quadratic (10× England:
    // minutes; docs/scale.md).
    if (input.fsmPercent !== null) appendTo(fsm, input.phase, input.fsmPercent);
    if (KS2_PHASES.includes(input.phase)) {
      for (const year of recentKs2(input)) {
        if (year.cohort !== null && year.cohort > 0) {
          const total = england.get(year.year) ?? { pupils: 0, reaching: 0 };
          total.pupils += year.cohort;
          total.reaching += (year.rwm / 100) * year.cohort;
          england.set(year.year, total);
        }
        if (input.familyId !== null) {
          let byYear = family.get(input.familyId);
          if (!byYear) family.set(input.familyId, (byYear = new Map<string, number[]>()));
          appendTo(byYear, year.year, year.rwm);
        }
      }
    }
    if (KS4_PHASES.includes(input.phase) && input.ks4?.attainment8 != null) {
      attainment8.push(input.ks4.attainment8);
    }
  }
  const disadvantageThreshold = new Map<Phase, number>();
  for (const [phase, values] of fsm) {
    values.sort((a, b) => a - b);
    disadvantageThreshold.set(phase, quantileSorted(values, DISADVANTAGE_QUANTILE));
  }
  const englandKs2 = new Map(
    [...england].map(([year, total]) => [year, (100 * total.reaching) / total.pupils]),
  );
  const familyKs2 = new Map(
    [...family].map(([id, byYear]) => [
      id,
      new Map(
        [...byYear]
          .filter(([, values]) => values.length >= MIN_FAMILY_SCHOOLS)
          .map(([year, values]) => [year, median(values) as number]),
      ),
    ]),
  );
  return {
    disadvantageThreshold,
    englandKs2,
    familyKs2,
    englandAttainment8: median(attainment8),
    asOf,
  };
}

function signed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return value > 0 ? `+${text}` : text;
}

const percent = (value: number) => `${Math.round(value)} %`;
const listed = (items: string[]) =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

interface Outcome {
  reason: NeedReason;
  /** How weak, comparably across key stages, for ordering the areas of support. */
  severity: number;
}

interface Ks2Row extends Ks2Year {
  pupils: number;
  england: number | null;
  family: number | null;
}

/** The cohort-weighted mean of a figure over some years; a year without a cohort weighs 1. */
function weightedOver(rows: readonly Ks2Row[], pick: (row: Ks2Row) => number | null) {
  let pupils = 0;
  let sum = 0;
  for (const row of rows) {
    const value = pick(row);
    if (value === null) continue;
    const weight = row.pupils > 0 ? row.pupils : 1;
    pupils += weight;
    sum += weight * value;
  }
  return pupils === 0 ? null : sum / pupils;
}

/** The KS2 evidence of one school; see the file comment. */
function ks2Outcome(input: NeedInput, context: NeedContext): Outcome | null {
  const years = recentKs2(input);
  if (years.length === 0) return null;
  const family = input.familyId === null ? null : context.familyKs2.get(input.familyId);
  const rows: Ks2Row[] = years.map((y) => ({
    ...y,
    pupils: y.cohort ?? 0,
    england: context.englandKs2.get(y.year) ?? null,
    family: family?.get(y.year) ?? null,
  }));
  const weighted = (pick: (row: Ks2Row) => number | null) => weightedOver(rows, pick);
  const pupils = rows.reduce((total, row) => total + row.pupils, 0);
  const shrink = pupils / (pupils + KS2_RULE.credibilityPupils);
  const underEngland = weighted((row) => (row.england === null ? null : row.england - row.rwm));
  const underFamily = weighted((row) => (row.family === null ? null : row.family - row.rwm));
  const yearsUnderFamily = rows.filter((row) => row.family !== null && row.rwm < row.family);
  // Still so now: the latest year is under similar schools and England.
  const last = rows[rows.length - 1] as Ks2Row;
  const stillUnder =
    last.family !== null &&
    last.england !== null &&
    last.rwm < last.family &&
    last.rwm < last.england;
  const pattern = rows.length >= KS2_RULE.minYears;

  let code: string | null = null;
  let points = 0;
  let severity = 0;
  if (
    pattern &&
    underFamily !== null &&
    underEngland !== null &&
    underEngland > 0 &&
    stillUnder &&
    yearsUnderFamily.length >= KS2_RULE.minYears
  ) {
    const shrunk = underFamily * shrink;
    if (shrunk >= KS2_RULE.wellBelow) {
      [code, points] = ["KS2_RWM_PERSISTENTLY_WELL_BELOW_FAMILY", KS2_RULE.points.wellBelow];
    } else if (shrunk >= KS2_RULE.below) {
      [code, points] = ["KS2_RWM_PERSISTENTLY_BELOW_FAMILY", KS2_RULE.points.below];
    }
    severity = shrunk / KS2_RULE.wellBelow;
  }
  // Persistently low in England's terms: the latest two years, both under England's.
  const lastTwo = rows.slice(-KS2_RULE.minYears);
  const lastTwoPupils = lastTwo.reduce((total, row) => total + row.pupils, 0);
  const lastTwoUnder = lastTwo.every((row) => row.england !== null && row.rwm < row.england)
    ? weightedOver(lastTwo, (row) => (row.england as number) - row.rwm)
    : null;
  const lastTwoShrunk =
    lastTwoUnder === null
      ? null
      : (lastTwoUnder * lastTwoPupils) / (lastTwoPupils + KS2_RULE.credibilityPupils);
  if (
    code === null &&
    pattern &&
    lastTwoShrunk !== null &&
    lastTwoShrunk >= KS2_RULE.lowAgainstEngland
  ) {
    [code, points] = ["KS2_RWM_PERSISTENTLY_LOW", KS2_RULE.points.low];
    severity = lastTwoShrunk / KS2_RULE.wellBelow;
  }
  const latest = rows[rows.length - 1];
  if (
    code === null &&
    latest !== undefined &&
    latest.family !== null &&
    latest.england !== null &&
    latest.rwm < latest.england &&
    latest.family - latest.rwm >= KS2_RULE.oneYear &&
    latest.pupils >= KS2_RULE.oneYearCohort
  ) {
    [code, points] = ["KS2_RWM_LOW_LATEST_YEAR", KS2_RULE.points.oneYear];
    severity = (latest.family - latest.rwm) / (2 * KS2_RULE.wellBelow);
  }
  if (code === null) return null;

  const cohorts = rows.map((row) => row.cohort).filter((n): n is number => n !== null);
  const cohortText =
    cohorts.length === 0
      ? "cohorts not published"
      : Math.min(...cohorts) === Math.max(...cohorts)
        ? `${cohorts[0]} pupils a year`
        : `${Math.min(...cohorts)}-${Math.max(...cohorts)} pupils a year`;
  const what =
    code === "KS2_RWM_LOW_LATEST_YEAR"
      ? "one low year, not yet a pattern: watch"
      : code === "KS2_RWM_PERSISTENTLY_LOW"
        ? "persistently low"
        : code === "KS2_RWM_PERSISTENTLY_WELL_BELOW_FAMILY"
          ? "persistently well below similar schools"
          : "persistently below similar schools";
  const references = [
    rows.every((row) => row.england !== null)
      ? `England ${listed(rows.map((row) => percent(row.england as number)))}`
      : null,
    rows.some((row) => row.family !== null)
      ? `similar schools (family median) ${listed(rows.map((row) => (row.family === null ? "n/a" : percent(row.family))))}`
      : null,
  ].filter((text): text is string => text !== null);
  return {
    severity,
    reason: {
      code,
      detail:
        `KS2 reading, writing and maths at the expected standard: ` +
        `${listed(rows.map((row) => `${percent(row.rwm)} in ${row.year}`))} (${cohortText}), ` +
        `against ${references.join(" and ")}: ${what}`,
      points,
      areas: KS2_AREAS,
    },
  };
}

/** The KS4 evidence of one school; see the file comment. */
function ks4Outcomes(input: NeedInput, context: NeedContext): Outcome[] {
  const ks4 = input.ks4;
  if (ks4 === null) return [];
  const found: Outcome[] = [];
  const { progress8: p8, lower, upper } = ks4;
  if (p8 !== null && upper !== null && upper < 0) {
    const wellBelow = p8 <= KS4_RULE.progress8WellBelow;
    const older =
      input.olderProgress8 === null
        ? ""
        : ` (older evidence: ${signed(input.olderProgress8, 2)} in 2018/19)`;
    found.push({
      severity: wellBelow ? 1 : 0.5,
      reason: {
        code: wellBelow ? "KS4_PROGRESS8_WELL_BELOW" : "KS4_PROGRESS8_BELOW",
        detail:
          `KS4 Progress 8 ${signed(p8, 2)} in ${KS4_RULE.year}` +
          (lower === null ? "" : `, 95 % interval ${signed(lower, 2)} to ${signed(upper, 2)}`) +
          (ks4.pupils === null ? "" : `, ${ks4.pupils} pupils`) +
          `: ${wellBelow ? "well below" : "below"} average${older}`,
        points: wellBelow ? KS4_RULE.points.wellBelow : KS4_RULE.points.below,
        areas: KS4_AREAS,
      },
    });
  }
  const a8 = ks4.attainment8;
  const familyA8 = input.familyAttainment8;
  if (
    a8 !== null &&
    familyA8 !== null &&
    context.englandAttainment8 !== null &&
    a8 < context.englandAttainment8 &&
    familyA8 - a8 >= KS4_RULE.attainment8WellBelow
  ) {
    found.push({
      severity: (familyA8 - a8) / KS4_RULE.attainment8WellBelow,
      reason: {
        code: "KS4_ATTAINMENT8_WELL_BELOW_FAMILY",
        detail:
          `KS4 Attainment 8 ${a8.toFixed(1)} in ${KS4_RULE.year} against ${familyA8.toFixed(1)} ` +
          `among similar schools (family median, prior attainment included): well below`,
        points: KS4_RULE.points.attainment8,
        areas: KS4_AREAS,
      },
    });
  }
  return found;
}

/** The Ofsted evidence of one school; see the file comment. */
function ofstedReasons(input: NeedInput, asOf: string): NeedReason[] {
  const points = input.ofstedGrade === null ? 0 : (OFSTED_POINTS[input.ofstedGrade] ?? 0);
  const inadequate = input.ofstedGrade === 4;
  const areas: readonly Specialism[] = inadequate ? ["LEADERSHIP", "GOVERNANCE"] : ["LEADERSHIP"];
  const reasons: NeedReason[] = [];
  if (points > 0) {
    reasons.push({
      code: inadequate ? "OFSTED_INADEQUATE" : "OFSTED_REQUIRES_IMPROVEMENT",
      detail: ofstedDetail(input, asOf),
      points,
      areas,
    });
  }
  const previous = input.previousGraded;
  if (points > 0 && previous !== null && previous.grade !== null && previous.grade >= 3) {
    reasons.push({
      code: "OFSTED_STUCK",
      detail:
        `Also ${gradeWord(previous.grade)} at the previous graded inspection ` +
        `(${longDate(previous.date)}): below good twice running`,
      points: STUCK_POINTS,
      areas,
    });
  }
  const ungraded = input.latestUngraded;
  if (
    ungraded !== null &&
    ungraded.outcome !== null &&
    (input.ofstedDate === null || ungraded.date > input.ofstedDate)
  ) {
    if (UNGRADED_CONCERN.test(ungraded.outcome)) {
      reasons.push({
        code: "OFSTED_UNGRADED_CONCERNS",
        detail: `Ungraded inspection of ${longDate(ungraded.date)}: "${ungraded.outcome}"`,
        points: UNGRADED_CONCERN_POINTS,
        areas,
      });
    } else if (points > 0 && UNGRADED_IMPROVED.test(ungraded.outcome)) {
      reasons.push({
        code: "OFSTED_UNGRADED_IMPROVED",
        detail: `Ungraded inspection of ${longDate(ungraded.date)}: "${ungraded.outcome}"`,
        points: 0,
        areas: [],
      });
    }
  }
  return reasons;
}

/** The band, points, reasons and areas of one school; see the file comment for the rule. */
export function assessNeed(input: NeedInput, context: NeedContext): NeedAssessment {
  const reasons: NeedReason[] = [];
  const areaOrder: { areas: readonly Specialism[]; severity: number }[] = [];
  let points = 0;

  for (const reason of ofstedReasons(input, context.asOf)) {
    reasons.push(reason);
    points += reason.points;
    // Behind any weak outcome, whose subject is the sharper focus for support.
    areaOrder.push({ areas: reason.areas, severity: 0.25 });
  }

  const phase = input.phase;
  const sitsKs2 = phase !== null && KS2_PHASES.includes(phase);
  const sitsKs4 = phase !== null && KS4_PHASES.includes(phase);
  if ((sitsKs2 || sitsKs4) && input.familyId === null) {
    reasons.push({
      code: "NO_FAMILY",
      detail: "In no family of the current run: results compared with England only",
      points: 0,
      areas: [],
    });
  }
  const outcomes: Outcome[] = [];
  if (sitsKs2) {
    const ks2 = ks2Outcome(input, context);
    if (ks2) outcomes.push(ks2);
  }
  if (sitsKs4) outcomes.push(...ks4Outcomes(input, context));
  outcomes.sort((a, b) => b.severity - a.severity);
  const outcomePoints = Math.min(
    OUTCOME_POINTS_MAX,
    outcomes.reduce((total, outcome) => total + outcome.reason.points, 0),
  );
  let remaining = outcomePoints;
  for (const outcome of outcomes) {
    const shown = Math.min(outcome.reason.points, remaining);
    remaining -= shown;
    reasons.push({ ...outcome.reason, points: shown });
    areaOrder.push({ areas: outcome.reason.areas, severity: outcome.severity });
  }
  points += outcomePoints;

  if (phase !== null) {
    const threshold = context.disadvantageThreshold.get(phase);
    if (threshold !== undefined && input.fsmPercent !== null && input.fsmPercent >= threshold) {
      reasons.push({
        code: "HIGH_DISADVANTAGE",
        detail:
          `${input.fsmPercent.toFixed(1)} % of pupils eligible for free school meals (2022/23): ` +
          `in the most disadvantaged quarter of ${phase.toLowerCase().replace(/_/g, " ")} ` +
          `schools (from ${threshold.toFixed(1)} %)`,
        points: DISADVANTAGE_POINTS,
        areas: ["DISADVANTAGED_PUPILS"],
      });
      areaOrder.push({ areas: ["DISADVANTAGED_PUPILS"], severity: 0 });
      points += DISADVANTAGE_POINTS;
    }
  }

  const hasEvidence =
    input.ofstedGrade !== null ||
    (sitsKs2 && recentKs2(input).length > 0) ||
    (sitsKs4 && input.ks4?.progress8 != null);
  if (!hasEvidence) {
    reasons.push({
      code: "INSUFFICIENT_DATA",
      detail: "No Ofsted judgement and no recent results in the graph",
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
  if (band <= 2 && phase !== null && PHASES_NEEDING_SEND.includes(phase)) add("SEND");
  for (const entry of areaOrder) entry.areas.forEach(add);
  return { urn: input.urn, band, points, reasons, areas };
}

/** Bands for a whole set of schools: the thresholds and references come from the same set. */
export function assessNeeds(inputs: readonly NeedInput[], asOf?: string): NeedAssessment[] {
  const context = needContext(inputs, asOf);
  return inputs.map((input) => assessNeed(input, context));
}
