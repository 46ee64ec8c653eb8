/**
 * Do a group's schools do better than similar schools? Pure statistics over plain records.
 *
 * Each member is compared with its own family of similar schools (current FamilyRun), leaving
 * out schools that are themselves in the group: gap(m, y) = value(m, y) minus the mean of the
 * comparison schools with a figure in year y. Year by year the gaps are summarised (mean, sample
 * standard deviation, standard error, 95% interval from the t distribution, and an effect size
 * standardised against the national spread). Before/after joining is a difference in differences:
 * each school's mean gap in years that started on or after it joined minus its mean gap in years
 * that ended before it joined, summarised the same way.
 */
import type {
  BeforeAfterImpact,
  ImpactMeasure,
  ImpactSchool,
  ImpactVerdict,
  MeasureImpact,
  Summary,
  YearImpact,
} from "./evaluation.model.js";

/** Fewer schools than this and the data cannot answer. */
export const MIN_SCHOOLS = 5;

export const MEASURE_LABELS: Readonly<Record<ImpactMeasure, { label: string; unit: string }>> = {
  KS2_RWM_EXPECTED: {
    label: "KS2 reading, writing and maths at the expected standard",
    unit: "percentage points",
  },
  KS4_PROGRESS_8: { label: "KS4 Progress 8", unit: "Progress 8 points" },
};

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (n - 1); null below two values. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const centre = mean(values)!;
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Two-sided 95% critical values of Student's t by degrees of freedom. */
const T_TABLE: readonly [number, number][] = [
  [1, 12.706],
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [11, 2.201],
  [12, 2.179],
  [13, 2.16],
  [14, 2.145],
  [15, 2.131],
  [16, 2.12],
  [17, 2.11],
  [18, 2.101],
  [19, 2.093],
  [20, 2.086],
  [21, 2.08],
  [22, 2.074],
  [23, 2.069],
  [24, 2.064],
  [25, 2.06],
  [26, 2.056],
  [27, 2.052],
  [28, 2.048],
  [29, 2.045],
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/**
 * The critical value for `df` degrees of freedom; between rows of the table the smaller df's value
 * (slightly wider, so conservative), and 1.96 beyond 120.
 */
export function tCritical95(df: number): number {
  if (df < 1) throw new RangeError("t needs at least one degree of freedom");
  if (df > 120) return 1.96;
  let critical = T_TABLE[0]![1];
  for (const [rowDf, value] of T_TABLE) if (df >= rowDf) critical = value;
  return critical;
}

export function summarise(values: readonly number[], nationalSd: number | null): Summary {
  const n = values.length;
  const centre = mean(values);
  const sd = standardDeviation(values);
  const se = sd === null ? null : sd / Math.sqrt(n);
  const margin = se === null ? null : tCritical95(n - 1) * se;
  return {
    n,
    mean: centre,
    standardDeviation: sd,
    standardError: se,
    confidenceLow: centre === null || margin === null ? null : centre - margin,
    confidenceHigh: centre === null || margin === null ? null : centre + margin,
    effectSize: centre === null || !nationalSd ? null : centre / nationalSd,
  };
}

/** "2016/17" starts on 1 September 2016 ... */
export function academicYearStart(year: string): string {
  return `${year.slice(0, 4)}-09-01`;
}

/** ... and ends on 31 August 2017. */
export function academicYearEnd(year: string): string {
  return `${Number(year.slice(0, 4)) + 1}-08-31`;
}

/** Everything about the whole country a group's figures are read against. */
export interface ImpactBaseline {
  families: ReadonlyMap<string, readonly ImpactSchool[]>;
  /** The years each measure has figures for, ascending. */
  years: Readonly<Record<ImpactMeasure, readonly string[]>>;
  /** Per measure and year, the standard deviation across every school with a figure. */
  nationalSd: Readonly<Record<ImpactMeasure, ReadonlyMap<string, number | null>>>;
}

export function buildBaseline(
  schools: readonly ImpactSchool[],
  measures: readonly ImpactMeasure[],
): ImpactBaseline {
  const families = new Map<string, ImpactSchool[]>();
  for (const school of schools) {
    if (school.familyId === null) continue;
    const family = families.get(school.familyId) ?? [];
    family.push(school);
    families.set(school.familyId, family);
  }
  const years = {} as Record<ImpactMeasure, string[]>;
  const nationalSd = {} as Record<ImpactMeasure, Map<string, number | null>>;
  for (const measure of measures) {
    const byYear = new Map<string, number[]>();
    for (const school of schools) {
      for (const [year, value] of school.series[measure]) {
        const values = byYear.get(year) ?? [];
        values.push(value);
        byYear.set(year, values);
      }
    }
    years[measure] = [...byYear.keys()].sort();
    nationalSd[measure] = new Map(
      [...byYear].map(([year, values]) => [year, standardDeviation(values)]),
    );
  }
  return { families, years, nationalSd };
}

export interface GroupMember {
  school: ImpactSchool;
  /** yyyy-mm-dd, or null when unknown. */
  joinedOn: string | null;
}

/** A set of member schools and the schools that may not serve as their comparison. */
export interface ImpactGroup {
  members: readonly GroupMember[];
  /** The group's own members, or every member of a partnership of the type studied. */
  excluded: ReadonlySet<number>;
}

interface Comparison {
  mean: number | null;
  urns: number[];
}

/** Each member's gap to its family comparison schools, per year. */
function memberGaps(
  group: ImpactGroup,
  baseline: ImpactBaseline,
  measure: ImpactMeasure,
): { comparisons: Map<string, Comparison>; gaps: Map<number, Map<string, number>> } {
  const comparisons = new Map<string, Comparison>();
  const comparisonOf = (familyId: string, year: string): Comparison => {
    const key = `${familyId}|${year}`;
    let comparison = comparisons.get(key);
    if (!comparison) {
      const urns: number[] = [];
      const values: number[] = [];
      for (const school of baseline.families.get(familyId) ?? []) {
        if (group.excluded.has(school.urn)) continue;
        const value = school.series[measure].get(year);
        if (value === undefined) continue;
        urns.push(school.urn);
        values.push(value);
      }
      comparison = { mean: mean(values), urns };
      comparisons.set(key, comparison);
    }
    return comparison;
  };
  const gaps = new Map<number, Map<string, number>>();
  for (const { school } of group.members) {
    const own = new Map<string, number>();
    if (school.familyId !== null) {
      for (const [year, value] of school.series[measure]) {
        const comparison = comparisonOf(school.familyId, year);
        if (comparison.mean !== null) own.set(year, value - comparison.mean);
      }
    }
    gaps.set(school.urn, own);
  }
  return { comparisons, gaps };
}

function yearVerdict(membersWithValue: number, n: number): ImpactVerdict {
  if (membersWithValue === 0) return "NO_DATA";
  if (n === 0) return "NO_COMPARISON_SCHOOLS";
  return n < MIN_SCHOOLS ? "TOO_FEW_SCHOOLS" : "ANSWERED";
}

function yearImpacts(
  group: ImpactGroup,
  baseline: ImpactBaseline,
  measure: ImpactMeasure,
  gaps: Map<number, Map<string, number>>,
  comparisons: Map<string, Comparison>,
): YearImpact[] {
  return baseline.years[measure].map((year) => {
    let membersWithValue = 0;
    const memberValues: number[] = [];
    const comparisonMeans: number[] = [];
    const yearGaps: number[] = [];
    const comparisonUrns = new Set<number>();
    for (const { school } of group.members) {
      const value = school.series[measure].get(year);
      if (value === undefined) continue;
      membersWithValue += 1;
      const gap = gaps.get(school.urn)?.get(year);
      if (gap === undefined) continue;
      const comparison = comparisons.get(`${school.familyId}|${year}`)!;
      memberValues.push(value);
      comparisonMeans.push(comparison.mean!);
      yearGaps.push(gap);
      for (const urn of comparison.urns) comparisonUrns.add(urn);
    }
    const nationalSd = baseline.nationalSd[measure].get(year) ?? null;
    return {
      year,
      membersWithValue,
      comparisonSchools: comparisonUrns.size,
      memberMean: mean(memberValues),
      comparisonMean: mean(comparisonMeans),
      nationalStandardDeviation: nationalSd,
      ...summarise(yearGaps, nationalSd),
      verdict: yearVerdict(membersWithValue, yearGaps.length),
    };
  });
}

const number = (value: number | null, digits = 1): string =>
  value === null ? "unknown" : value.toFixed(digits);

function signed(value: number | null, digits = 1): string {
  if (value === null) return "unknown";
  return `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
}

function interval(summary: Summary, digits = 1): string {
  return summary.confidenceLow === null
    ? "no interval with one school"
    : `95% CI ${signed(summary.confidenceLow, digits)} to ${signed(summary.confidenceHigh, digits)}`;
}

function yearlyVerdict(
  members: number,
  years: readonly YearImpact[],
  measure: ImpactMeasure,
): { verdict: ImpactVerdict; explanation: string } {
  const { label, unit } = MEASURE_LABELS[measure];
  const digits = measure === "KS4_PROGRESS_8" ? 2 : 1;
  if (years.every((year) => year.membersWithValue === 0)) {
    return {
      verdict: "NO_DATA",
      explanation: `None of the ${members} member schools has a ${label} figure in any year the data holds.`,
    };
  }
  const largest = Math.max(...years.map((year) => year.n));
  if (largest === 0) {
    return {
      verdict: "NO_COMPARISON_SCHOOLS",
      explanation: `Members have ${label} figures, but none is in a family of similar schools with a school outside the group that has a figure for the same year, so there is nothing to compare them with.`,
    };
  }
  if (largest < MIN_SCHOOLS) {
    return {
      verdict: "TOO_FEW_SCHOOLS",
      explanation: `At most ${largest} member school${largest === 1 ? "" : "s"} could be compared with similar schools in any one year; fewer than ${MIN_SCHOOLS} is too few to say whether the group does better or worse.`,
    };
  }
  const latest = [...years].reverse().find((year) => year.verdict === "ANSWERED")!;
  return {
    verdict: "ANSWERED",
    explanation:
      `In ${latest.year}, ${latest.n} member schools averaged ${number(latest.memberMean, digits)} against ` +
      `${number(latest.comparisonMean, digits)} for similar schools in their families: a gap of ` +
      `${signed(latest.mean, digits)} ${unit} (${interval(latest, digits)}), an effect size of ` +
      `${signed(latest.effectSize, 2)} national standard deviations. Other years are listed.`,
  };
}

function beforeAfter(
  group: ImpactGroup,
  baseline: ImpactBaseline,
  measure: ImpactMeasure,
  gaps: Map<number, Map<string, number>>,
  yearly: ImpactVerdict,
): BeforeAfterImpact {
  const { label, unit } = MEASURE_LABELS[measure];
  const digits = measure === "KS4_PROGRESS_8" ? 2 : 1;
  const years = baseline.years[measure];
  const yearSds = years
    .map((year) => baseline.nationalSd[measure].get(year) ?? null)
    .filter((sd): sd is number => sd !== null);
  const nationalSd = mean(yearSds);

  let membersWithJoinDate = 0;
  let membersWithYearsBefore = 0;
  let membersWithYearsAfter = 0;
  const befores: number[] = [];
  const afters: number[] = [];
  const changes: number[] = [];
  for (const { school, joinedOn } of group.members) {
    const own = gaps.get(school.urn);
    if (joinedOn === null || !own || own.size === 0) continue;
    membersWithJoinDate += 1;
    const before: number[] = [];
    const after: number[] = [];
    for (const [year, gap] of own) {
      if (academicYearEnd(year) < joinedOn) before.push(gap);
      else if (academicYearStart(year) >= joinedOn) after.push(gap);
    }
    if (before.length > 0) membersWithYearsBefore += 1;
    if (after.length > 0) membersWithYearsAfter += 1;
    if (before.length > 0 && after.length > 0) {
      const meanBefore = mean(before)!;
      const meanAfter = mean(after)!;
      befores.push(meanBefore);
      afters.push(meanAfter);
      changes.push(meanAfter - meanBefore);
    }
  }
  const summary = summarise(changes, nationalSd);
  const counts = {
    membersWithJoinDate,
    membersWithYearsBefore,
    membersWithYearsAfter,
    meanGapBefore: mean(befores),
    meanGapAfter: mean(afters),
    nationalStandardDeviation: nationalSd,
  };
  const result = (verdict: ImpactVerdict, explanation: string): BeforeAfterImpact => ({
    ...summary,
    ...counts,
    verdict,
    explanation,
  });

  if (years.length < 2) {
    return result(
      "ONE_YEAR_ONLY",
      `${label} is in the data for ${years.length === 1 ? `one year only (${years[0]})` : "no year"}, so there is no before and after joining to compare.`,
    );
  }
  if (yearly === "NO_DATA" || yearly === "NO_COMPARISON_SCHOOLS") {
    return result(
      yearly,
      "No member can be compared with similar schools in any year, so neither before nor after joining.",
    );
  }
  if (membersWithJoinDate === 0) {
    return result(
      "NO_JOIN_DATES",
      "No member school that can be compared with similar schools has a recorded joining date.",
    );
  }
  if (membersWithYearsBefore === 0) {
    return result(
      "NO_YEARS_BEFORE_JOINING",
      `None of the ${membersWithJoinDate} members with a joining date has a ${label} figure for a year that ended before it joined.`,
    );
  }
  if (membersWithYearsAfter === 0) {
    return result(
      "NO_YEARS_AFTER_JOINING",
      `None of the ${membersWithJoinDate} members with a joining date has a ${label} figure for a year that started after it joined.`,
    );
  }
  if (changes.length < MIN_SCHOOLS) {
    return result(
      "TOO_FEW_SCHOOLS",
      `Only ${changes.length} member school${changes.length === 1 ? " has" : "s have"} figures both before and after joining; fewer than ${MIN_SCHOOLS} is too few to say whether joining made a difference.`,
    );
  }
  return result(
    "ANSWERED",
    `Across ${changes.length} schools with figures on both sides of joining, the gap to similar schools ` +
      `was ${signed(counts.meanGapBefore, digits)} ${unit} before joining and ` +
      `${signed(counts.meanGapAfter, digits)} after: a change of ${signed(summary.mean, digits)} ` +
      `(${interval(summary, digits)}), an effect size of ${signed(summary.effectSize, 2)} national ` +
      `standard deviations (the mean of the yearly ones).`,
  );
}

export function measureImpact(
  group: ImpactGroup,
  baseline: ImpactBaseline,
  measure: ImpactMeasure,
): MeasureImpact {
  const { gaps, comparisons } = memberGaps(group, baseline, measure);
  const years = yearImpacts(group, baseline, measure, gaps, comparisons);
  const yearly = yearlyVerdict(group.members.length, years, measure);
  return {
    measure,
    unit: MEASURE_LABELS[measure].unit,
    ...yearly,
    years,
    beforeAfter: beforeAfter(group, baseline, measure, gaps, yearly.verdict),
  };
}
