import type { CsvTable } from "../csv/table.js";
import {
  academicYearFromPeriod,
  parseInteger,
  parseNumber,
  parsePercent,
  parseText,
  parseUrn,
} from "../csv/values.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const KS2_HISTORY_COLUMNS = ["URN", "year", "rwmExpected"] as const;
export const KS4_INFORMATION_COLUMNS = ["time_period", "school_urn", "p8_banding"] as const;

/** A figure with the year it describes. */
export interface YearFigure<T> {
  value: T;
  year: string;
}

/** A KS2 RWM figure with its cohort (eligible pupils) and disadvantaged pupils' figure. */
export interface Ks2YearFigure extends YearFigure<number> {
  cohort?: number | null;
  disadvantaged?: number | null;
}

const ACADEMIC_YEAR = /^\d{4}\/\d{2}$/;

/**
 * Every KS2 "expected standard in reading, writing and maths" percentage each URN published, years
 * ascending. Years without a figure (no tests 2019/20 to 2021/22, suppressed, school not yet open)
 * are passed over.
 */
export function parseKs2History(table: CsvTable): Parsed<Map<number, Ks2YearFigure[]>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, Ks2YearFigure[]>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("URN"));
    const year = row.get("year");
    if (urn === null || !ACADEMIC_YEAR.test(year)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: urn === null ? "invalid URN" : "invalid year",
        detail: urn === null ? row.get("URN") : year,
      });
      continue;
    }
    const value = parsePercent(row.get("rwmExpected"));
    if (value === null) continue;
    const series = records.get(urn) ?? [];
    if (series.some((figure) => figure.year === year)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "second figure for the same URN and year",
        detail: `${urn} ${year}`,
      });
      continue;
    }
    series.push({
      value,
      year,
      cohort: parseInteger(row.get("eligiblePupils")),
      disadvantaged: parsePercent(row.get("disadvantagedRwmExpected")),
    });
    records.set(urn, series);
  }
  for (const series of records.values()) series.sort((a, b) => a.year.localeCompare(b.year));
  return { records, rejections, skipped };
}

/**
 * The most recent figure of a series, so a school that stopped reporting keeps its last real
 * figure with that figure's year.
 */
export function latestFigure<T>(
  series: readonly YearFigure<T>[] | undefined,
): YearFigure<T> | null {
  if (!series || series.length === 0) return null;
  return series.reduce((latest, figure) => (figure.year > latest.year ? figure : latest));
}

/** One year of a school's series, with the URN the figure was published under. */
export interface SeriesPoint {
  year: string;
  value: number;
  urn: number;
  cohort?: number | null;
  disadvantaged?: number | null;
}

export interface CombinedSeries {
  points: SeriesPoint[];
  /** Years left out because equally close predecessors published different figures. */
  conflictingYears: number;
}

/**
 * A school's series including what its predecessor URNs published. An academy that converts (or
 * is re-brokered) gets a new URN, so without its predecessors a trust's school would seem to start
 * the year it joined. For a year several URNs have, the school's own figure wins, then the nearest
 * predecessor (direct before its own predecessors); when equally near predecessors disagree, as two
 * schools amalgamated into one may, no one figure is the school's and the year is left out.
 */
export function combineSeries(
  urn: number,
  history: ReadonlyMap<number, readonly Ks2YearFigure[]>,
  predecessorsOf: ReadonlyMap<number, readonly number[]>,
): CombinedSeries {
  const byYear = new Map<string, SeriesPoint>();
  const decided = new Set<string>();
  let conflictingYears = 0;
  const seen = new Set<number>([urn]);
  let generation = [urn];
  while (generation.length > 0) {
    const candidates = new Map<string, SeriesPoint[]>();
    for (const current of generation) {
      for (const figure of history.get(current) ?? []) {
        const { year } = figure;
        if (decided.has(year)) continue;
        const points = candidates.get(year) ?? [];
        points.push({ ...figure, urn: current });
        candidates.set(year, points);
      }
    }
    for (const [year, points] of candidates) {
      decided.add(year);
      if (points.some((point) => point.value !== points[0]!.value)) {
        conflictingYears += 1;
        continue;
      }
      byYear.set(
        year,
        points.reduce((a, b) => (b.urn < a.urn ? b : a)),
      );
    }
    const next: number[] = [];
    for (const current of generation) {
      for (const predecessor of predecessorsOf.get(current) ?? []) {
        if (seen.has(predecessor)) continue;
        seen.add(predecessor);
        next.push(predecessor);
      }
    }
    generation = next.sort((a, b) => a - b);
  }
  const points = [...byYear.values()].sort((a, b) => a.year.localeCompare(b.year));
  return { points, conflictingYears };
}

/** Predecessor URNs of each successor URN. */
export function predecessorIndex(
  successions: readonly { predecessorUrn: number; successorUrn: number }[],
): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (const { predecessorUrn, successorUrn } of successions) {
    const list = index.get(successorUrn) ?? [];
    list.push(predecessorUrn);
    index.set(successorUrn, list);
  }
  return index;
}

const P8_BANDS = new Set([
  "Well above average",
  "Above average",
  "Average",
  "Below average",
  "Well below average",
]);

/** A KS4 school information row's school and year; a bad one is rejected with its line. */
function schoolYearOf(
  table: CsvTable,
  row: CsvTable["records"][number],
  rejections: Rejection[],
): { urn: number; year: string } | null {
  const urn = parseUrn(row.get("school_urn"));
  const year = academicYearFromPeriod(row.get("time_period"));
  if (urn !== null && year !== null) return { urn, year };
  rejections.push({
    file: table.file,
    line: row.line,
    reason: urn === null ? "invalid URN" : "invalid time period",
    detail: urn === null ? row.get("school_urn") : row.get("time_period"),
  });
  return null;
}

/** The 2023/24 Progress 8 band; "z" (not applicable) and other codes are missing. */
export function parseKs4Information(table: CsvTable): Parsed<Map<number, YearFigure<string>>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, YearFigure<string>>();
  for (const row of table.records) {
    const key = schoolYearOf(table, row, rejections);
    if (key === null) continue;
    const { urn, year } = key;
    const band = parseText(row.get("p8_banding"));
    if (band === null || !P8_BANDS.has(band)) continue;
    records.set(urn, { value: band, year });
  }
  return { records, rejections, skipped };
}

export const KS4_PRIOR_ATTAINMENT_COLUMNS = [
  "time_period",
  "school_urn",
  "avg_ks2_scaledscore",
] as const;

/**
 * KS2 scaled scores run from 80 to 120; pupils working below the standard of the tests are
 * counted with nominal scores down to 59, so a special school's average can sit well below 80.
 */
const KS2_SCALED_SCORE_RANGE = { min: 59, max: 120 } as const;

/**
 * The 2023/24 KS4 cohort's average KS2 scaled score (`avg_ks2_scaledscore`): the prior attainment
 * of the pupils a secondary took in, as DfE uses it to set Progress 8. "z" and other codes are
 * missing; a figure outside the scaled-score range is rejected.
 */
export function parseKs4PriorAttainment(table: CsvTable): Parsed<Map<number, YearFigure<number>>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, YearFigure<number>>();
  for (const row of table.records) {
    const key = schoolYearOf(table, row, rejections);
    if (key === null) continue;
    const { urn, year } = key;
    const value = parseNumber(row.get("avg_ks2_scaledscore"));
    if (value === null) continue;
    if (value < KS2_SCALED_SCORE_RANGE.min || value > KS2_SCALED_SCORE_RANGE.max) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: `average KS2 scaled score outside ${KS2_SCALED_SCORE_RANGE.min}..${KS2_SCALED_SCORE_RANGE.max}`,
        detail: row.get("avg_ks2_scaledscore"),
      });
      continue;
    }
    records.set(urn, { value, year });
  }
  return { records, rejections, skipped };
}

export const KS4_CONTACT_COLUMNS = ["school_urn", "full_address", "telnum"] as const;

/** Address and telephone number as the 2023/24 KS4 school information publishes them. */
export function parseKs4Contacts(
  table: CsvTable,
): Map<number, { address: string | null; phone: string | null }> {
  const contacts = new Map<number, { address: string | null; phone: string | null }>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("school_urn"));
    if (urn === null) continue;
    const address = parseText(row.get("full_address"));
    const digits = row.get("telnum").replace(/\D/g, "");
    // UK numbers are 10 or 11 digits; the file lost leading zeros to a number type.
    const phone = digits.length === 10 ? `0${digits}` : digits.length === 11 ? digits : null;
    if (address !== null || phone !== null) contacts.set(urn, { address, phone });
  }
  return contacts;
}
