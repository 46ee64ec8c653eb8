/** The arithmetic behind a trend chart: academic years, the gaps between them, and the axes. */

/** The calendar year an academic year starts in: "2015/16" → 2015; null for other text. */
export function startYear(year: string): number | null {
  const match = /^(\d{4})(?:\/\d{2})?$/.exec(year);
  return match ? Number(match[1]) : null;
}

/** "2015/16" for 2015. */
export function academicYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Every academic year from the first to the last of `years`, missing ones included, in order. */
export function yearRange(years: readonly string[]): string[] {
  const starts = years.map(startYear).filter((start): start is number => start !== null);
  if (starts.length === 0) return [];
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  return Array.from({ length: last - first + 1 }, (_, index) => academicYear(first + index));
}

export interface YearValue {
  year: string;
  value: number;
}

/**
 * Runs of figures in consecutive academic years: a year without a figure ends a run, so a line
 * through them breaks there instead of bridging the gap (or dropping to zero).
 */
export function segments(points: readonly YearValue[]): YearValue[][] {
  const runs: YearValue[][] = [];
  let previous: number | null = null;
  for (const point of [...points].sort((a, b) => a.year.localeCompare(b.year))) {
    const start = startYear(point.year);
    const last = runs.at(-1);
    if (last && start !== null && previous !== null && start === previous + 1) last.push(point);
    else runs.push([point]);
    previous = start;
  }
  return runs;
}

/**
 * Round ticks covering the values (about `count` of them, steps of 1, 2 or 5 times a power of
 * ten), with `from` always included when given, so a percentage axis can start at 0.
 */
export function ticks(values: readonly number[], count = 4, from?: number): number[] {
  const all = from === undefined ? [...values] : [...values, from];
  if (all.length === 0) return [];
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const result: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let tick = first; tick <= last + step / 2; tick += step) {
    result.push(Number(tick.toFixed(digits)));
  }
  return result;
}
