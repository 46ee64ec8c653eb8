/**
 * KS4 2023/24 for state-funded mainstream secondaries: Progress 8 with its confidence interval,
 * Attainment 8 and grade 5+ in English and maths.
 */
import type { CsvTable } from "../csv/table.js";
import { parseInteger, parseNumber } from "../csv/values.js";
import { SkipCounter, urnOrReject, type Parsed, type Rejection } from "../rejections.js";
import type { Ks4Results, SourcedValue } from "../../src/modules/schools/school.model.js";

export const KS4_2024_COLUMNS = [
  "URN",
  "ks4_attainment8",
  "ks4_pct_grade5_eng_maths",
  "ks4_progress8",
  "ks4_p8_lower_ci",
  "ks4_p8_upper_ci",
  "ks4_total_pupils",
] as const;

/** A school's 2023/24 KS4 figures: the API's KS4 results, without the year and source. */
export type Ks4Results2024 = Omit<Ks4Results, "year" | keyof SourcedValue>;

export function parseKs4Secondary(table: CsvTable): Parsed<Map<number, Ks4Results2024>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, Ks4Results2024>();
  for (const row of table.records) {
    const urn = urnOrReject(table, row, "URN", rejections);
    if (urn === null) continue;
    const results: Ks4Results2024 = {
      progress8: parseNumber(row.get("ks4_progress8")),
      progress8Lower: parseNumber(row.get("ks4_p8_lower_ci")),
      progress8Upper: parseNumber(row.get("ks4_p8_upper_ci")),
      attainment8: parseNumber(row.get("ks4_attainment8")),
      englishMathsGrade5Percent: parseNumber(row.get("ks4_pct_grade5_eng_maths")),
      pupils: parseInteger(row.get("ks4_total_pupils")),
    };
    if (
      results.progress8 === null &&
      results.attainment8 === null &&
      results.englishMathsGrade5Percent === null
    ) {
      skipped.add("KS4 2023/24: schools with no published figure");
      continue;
    }
    records.set(urn, results);
  }
  return { records, rejections, skipped };
}
