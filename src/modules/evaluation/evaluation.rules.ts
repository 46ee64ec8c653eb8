/**
 * The evaluation module's rules: do a group's schools do better than similar schools? Pure
 * statistics over plain records, with every number the module uses (the least schools that can
 * answer, and whom context neighbours are matched on).
 *
 * Each member is compared with its own comparison schools, leaving out schools that are
 * themselves in the group: on the FAMILY basis its family in the current FamilyRun, on the
 * CONTEXT_NEIGHBOURS basis its nearest schools on context alone (context-neighbours.ts).
 * gap(m, y) = value(m, y) minus the mean of the comparison schools with a figure in year y. Year
 * by year the gaps are summarised (mean, sample standard deviation, standard error, 95% interval
 * from the t distribution, and an effect size standardised against the national spread).
 * Before/after joining is a difference in differences: each school's mean gap in years that
 * started on or after it joined minus its mean gap in years that ended before it joined,
 * summarised the same way.
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
import type { FeatureWeights } from "../similarity/features.js";

/** Intake need at 1 each; size at half, as a school's size matters less than who it teaches. */
export const CONTEXT_NEIGHBOUR_WEIGHTS = {
  fsmPercent: 1,
  ealPercent: 1,
  senPercent: 1,
  idaciScore: 1,
  pupils: 0.5,
} as const satisfies FeatureWeights;

/** Comparison schools per member. */
export const CONTEXT_NEIGHBOURS = 20;

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

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T_TABLE: readonly number[] = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** The normal distribution's two-sided 95% point. */
const Z_975 = 1.959963984540054;

/**
 * The critical value for `df` degrees of freedom: the table up to 30, beyond it the
 * Cornish-Fisher expansion of t about the normal point, which agrees with exact values to 1e-4
 * from df 30 on (2.0423 at 30, 2.0301 at 35, 1.9799 at 120) and tends to 1.96. Rounding down to
 * a table row (df 35 as 30) widened intervals, and 1.96 from df 121 on narrowed them.
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) throw new RangeError("t needs at least one degree of freedom");
  if (Number.isInteger(df) && df <= T_TABLE.length) return T_TABLE[df - 1]!;
  const z = Z_975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
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

/** The schools one member is compared with, the group's own schools already left out. */
export interface ComparisonPool {
  /** Members with the same key share the pool, so its yearly means are worked out once. */
  key: string;
  schools: readonly ImpactSchool[];
}

/** A set of member schools and whom each is compared with. */
export interface ImpactGroup {
  members: readonly GroupMember[];
  /** Null when the member has no comparison schools (in no family, say). */
  comparisonOf: (school: ImpactSchool) => ComparisonPool | null;
  /** How explanations name the comparison schools, e.g. "similar schools in their families". */
  comparisonLabel: string;
}

/** Each member's family, less the schools that may not serve as comparisons. */
export function familyComparisons(
  baseline: ImpactBaseline,
  excluded: ReadonlySet<number>,
): (school: ImpactSchool) => ComparisonPool | null {
  const pools = new Map<string, ComparisonPool>();
  return (school) => {
    if (school.familyId === null) return null;
    let pool = pools.get(school.familyId);
    if (!pool) {
      const schools = (baseline.families.get(school.familyId) ?? []).filter(
        (other) => !excluded.has(other.urn),
      );
      pool = { key: `family:${school.familyId}`, schools };
      pools.set(school.familyId, pool);
    }
    return pool;
  };
}

interface Comparison {
  mean: number | null;
  urns: number[];
}

interface MemberYear {
  gap: number;
  comparison: Comparison;
}

/** Each member's gap to its comparison schools with a figure, per year. */
function memberGaps(
  group: ImpactGroup,
  measure: ImpactMeasure,
): Map<number, Map<string, MemberYear>> {
  const comparisons = new Map<string, Comparison>();
  const comparisonOf = (pool: ComparisonPool, year: string): Comparison => {
    const key = `${pool.key}|${year}`;
    let comparison = comparisons.get(key);
    if (!comparison) {
      const urns: number[] = [];
      const values: number[] = [];
      for (const school of pool.schools) {
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
  const gaps = new Map<number, Map<string, MemberYear>>();
  for (const { school } of group.members) {
    const own = new Map<string, MemberYear>();
    const pool = school.series[measure].size > 0 ? group.comparisonOf(school) : null;
    if (pool !== null) {
      for (const [year, value] of school.series[measure]) {
        const comparison = comparisonOf(pool, year);
        if (comparison.mean !== null) own.set(year, { gap: value - comparison.mean, comparison });
      }
    }
    gaps.set(school.urn, own);
  }
  return gaps;
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
  gaps: Map<number, Map<string, MemberYear>>,
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
      const compared = gaps.get(school.urn)?.get(year);
      if (compared === undefined) continue;
      const { gap, comparison } = compared;
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
  comparisonLabel: string,
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
      explanation: `Members have ${label} figures, but none has ${comparisonLabel} outside the group with a figure for the same year, so there is nothing to compare them with.`,
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
      `${number(latest.comparisonMean, digits)} for ${comparisonLabel}: a gap of ` +
      `${signed(latest.mean, digits)} ${unit} (${interval(latest, digits)}), an effect size of ` +
      `${signed(latest.effectSize, 2)} national standard deviations. Other years are listed.`,
  };
}

function beforeAfter(
  group: ImpactGroup,
  baseline: ImpactBaseline,
  measure: ImpactMeasure,
  gaps: Map<number, Map<string, MemberYear>>,
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
    for (const [year, { gap }] of own) {
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
  const gaps = memberGaps(group, measure);
  const years = yearImpacts(group, baseline, measure, gaps);
  const yearly = yearlyVerdict(group.members.length, years, measure, group.comparisonLabel);
  return {
    measure,
    unit: MEASURE_LABELS[measure].unit,
    ...yearly,
    years,
    beforeAfter: beforeAfter(group, baseline, measure, gaps, yearly.verdict),
  };
}
