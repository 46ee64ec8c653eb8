/**
 * A school's outcomes year by year next to its family's: per outcome and year, the school's
 * figure, the median of the members' figures and how many members had one, and the members that
 * beat the school in the latest year it has a figure. Pure: the repository hands in plain series.
 */
import type { Phase } from "../schools/school.model.js";
import { PHASE_OUTCOMES, type OutcomeFeature } from "./features.js";
import { median } from "./stats.js";

/**
 * Outcomes published year by year (the series on School, cypher/README.md), all better when
 * higher. KS2 has no progress series and Ofsted grades are not yearly, so neither is here.
 */
export const TREND_OUTCOMES = [
  "ks2RwmExpected",
  "ks4Progress8",
  "ks4Attainment8",
  "ks4EnglishMathsGrade5Percent",
] as const;

export type TrendOutcome = (typeof TREND_OUTCOMES)[number];

/**
 * The outcome feature that says whether a phase sits a trend's assessment (PHASE_OUTCOMES): KS2
 * for primary and all-through schools, KS4 for secondary and all-through. A secondary family's
 * few schools with KS2 figures (middle-deemed-secondary, say) do not make it a KS2 family.
 */
const MEASURED_BY: { readonly [T in TrendOutcome]: OutcomeFeature } = {
  ks2RwmExpected: "ks2RwmExpected",
  ks4Progress8: "ks4Progress8",
  ks4Attainment8: "ks4Attainment8",
  ks4EnglishMathsGrade5Percent: "ks4Attainment8",
};

/** The trend outcomes of a phase, in TREND_OUTCOMES order. */
export function trendOutcomesFor(phase: Phase): TrendOutcome[] {
  return TREND_OUTCOMES.filter((outcome) => PHASE_OUTCOMES[phase].includes(MEASURED_BY[outcome]));
}

/** One year's figure of a school, with the dataset it came from. */
export interface YearFigure {
  /** Academic year, e.g. "2022/23". */
  year: string;
  value: number;
  sourceId: string | null;
}

/** A family member's yearly figures per outcome; years with no figure are left out. */
export interface MemberSeries {
  urn: number;
  series: Partial<Record<TrendOutcome, readonly YearFigure[]>>;
}

export interface OutcomeTrendYear {
  year: string;
  /** The looked-up school's figure that year; null when it has none. */
  value: number | null;
  /** Median of the members' figures that year, the looked-up school's included. */
  familyMedian: number;
  /** Members with a figure that year, the looked-up school included; at least 1. */
  membersWithFigure: number;
  /** The dataset most of that year's figures came from. */
  sourceId: string | null;
}

/** A member beating the looked-up school in the comparison year. */
export interface BetterMember {
  urn: number;
  value: number;
  year: string;
  /** value − the looked-up school's figure; always above 0. */
  difference: number;
  sourceId: string | null;
}

export interface OutcomeTrend {
  outcome: TrendOutcome;
  /** Oldest first; a year no member has a figure for (no tests were sat) is absent, not zero. */
  years: OutcomeTrendYear[];
  /** The latest year the looked-up school has a figure for: where `doingBetter` compares. */
  comparisonYear: string | null;
  /** Members with a higher figure in `comparisonYear`, best first (ties to the lower URN). */
  doingBetter: BetterMember[];
}

/** The value seen most often, ties to the first in sort order; null for none. */
function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string | null, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/**
 * The trend of every outcome of the family's phase that at least one member has a figure for, in
 * TREND_OUTCOMES order, as seen from school `urn` (itself one of `members`). Medians take only the figures members
 * have: a member without a figure that year is not counted as zero, and a year no one has a
 * figure for is absent. "Doing better" compares like with like: figures of the same year, the
 * latest the school has; with no figure of its own, nobody is said to do better.
 */
export function outcomeTrends(
  members: readonly MemberSeries[],
  urn: number,
  phase: Phase,
): OutcomeTrend[] {
  return trendOutcomesFor(phase).flatMap((outcome) => {
    const byYear = new Map<string, { urn: number; figure: YearFigure }[]>();
    for (const member of members) {
      for (const figure of member.series[outcome] ?? []) {
        if (!Number.isFinite(figure.value)) continue;
        const entries = byYear.get(figure.year) ?? [];
        entries.push({ urn: member.urn, figure });
        byYear.set(figure.year, entries);
      }
    }
    if (byYear.size === 0) return [];
    const years = [...byYear.keys()].sort().map((year): OutcomeTrendYear => {
      const entries = byYear.get(year) ?? [];
      const own = entries.find((entry) => entry.urn === urn);
      return {
        year,
        value: own ? own.figure.value : null,
        familyMedian: median(entries.map((entry) => entry.figure.value)) ?? 0,
        membersWithFigure: entries.length,
        sourceId: mostCommon(entries.map((entry) => entry.figure.sourceId)),
      };
    });
    const latest = years.filter((year) => year.value !== null).at(-1);
    const comparisonYear = latest?.year ?? null;
    const ownValue = latest?.value ?? null;
    const doingBetter =
      comparisonYear === null || ownValue === null
        ? []
        : (byYear.get(comparisonYear) ?? [])
            .filter((entry) => entry.urn !== urn && entry.figure.value > ownValue)
            .map(({ urn: memberUrn, figure }): BetterMember => ({
              urn: memberUrn,
              value: figure.value,
              year: figure.year,
              difference: figure.value - ownValue,
              sourceId: figure.sourceId,
            }))
            .sort((a, b) => b.value - a.value || a.urn - b.urn);
    return [{ outcome, years, comparisonYear, doingBetter }];
  });
}
