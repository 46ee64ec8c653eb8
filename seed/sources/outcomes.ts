import type { CsvTable } from "../csv/table.js";
import { academicYearFromPeriod, parsePercent, parseText, parseUrn } from "../csv/values.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const KS2_HISTORY_COLUMNS = ["URN", "year", "rwmExpected"] as const;
export const KS4_INFORMATION_COLUMNS = ["time_period", "school_urn", "p8_banding"] as const;

/** A figure with the year it describes. */
export interface YearFigure<T> {
  value: T;
  year: string;
}

const ACADEMIC_YEAR = /^\d{4}\/\d{2}$/;

/**
 * Each school's most recent KS2 "expected standard in reading, writing and maths" percentage.
 * Years without a figure (no tests 2019/20 to 2021/22, suppressed, school not yet open) are passed
 * over, so a school that stopped reporting keeps its last real figure with that figure's year.
 */
export function parseKs2History(table: CsvTable): Parsed<Map<number, YearFigure<number>>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, YearFigure<number>>();
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
    const known = records.get(urn);
    if (!known || known.year < year) records.set(urn, { value, year });
  }
  return { records, rejections, skipped };
}

const P8_BANDS = new Set([
  "Well above average",
  "Above average",
  "Average",
  "Below average",
  "Well below average",
]);

/** The 2023/24 Progress 8 band; "z" (not applicable) and other codes are missing. */
export function parseKs4Information(table: CsvTable): Parsed<Map<number, YearFigure<string>>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, YearFigure<string>>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("school_urn"));
    const year = academicYearFromPeriod(row.get("time_period"));
    if (urn === null || year === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: urn === null ? "invalid URN" : "invalid time period",
        detail: urn === null ? row.get("school_urn") : row.get("time_period"),
      });
      continue;
    }
    const band = parseText(row.get("p8_banding"));
    if (band === null || !P8_BANDS.has(band)) continue;
    records.set(urn, { value: band, year });
  }
  return { records, rejections, skipped };
}
