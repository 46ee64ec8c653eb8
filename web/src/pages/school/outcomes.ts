/** The yearly outcomes as people in schools read them. */
import type { TrendOutcome } from "../../__generated__/graphql";

export const TREND_OUTCOME_NAMES: Record<TrendOutcome, string> = {
  KS2_RWM_EXPECTED: "KS2 reading, writing and maths at the expected standard",
  KS4_PROGRESS8: "KS4 Progress 8",
  KS4_ATTAINMENT8: "KS4 Attainment 8",
  KS4_ENGLISH_MATHS_GRADE5: "KS4 grade 5 or above in English and maths",
};

const PERCENT: ReadonlySet<TrendOutcome> = new Set([
  "KS2_RWM_EXPECTED",
  "KS4_ENGLISH_MATHS_GRADE5",
]);

export function isTrendOutcome(value: string | null): value is TrendOutcome {
  return value !== null && value in TREND_OUTCOME_NAMES;
}

export function isPercent(outcome: TrendOutcome): boolean {
  return PERCENT.has(outcome);
}

/** A figure as the performance tables print it: whole percentages, P8 to two places, A8 to one. */
export function outcomeFigure(outcome: TrendOutcome, value: number): string {
  if (isPercent(outcome)) return `${Math.round(value)}%`;
  if (outcome === "KS4_PROGRESS8") return `${value > 0 ? "+" : ""}${value.toFixed(2)}`;
  return value.toFixed(1);
}

/** How far above: "15 percentage points", "0.42", "3.5 points". */
export function outcomeDifference(outcome: TrendOutcome, difference: number): string {
  if (isPercent(outcome)) {
    const points = Math.round(difference);
    return `${points} percentage ${points === 1 ? "point" : "points"}`;
  }
  if (outcome === "KS4_PROGRESS8") return difference.toFixed(2);
  return `${difference.toFixed(1)} points`;
}
