/**
 * GIAS open state-funded schools, 11 July 2025: which URNs were open then, with their towns.
 */
import type { CsvTable } from "../csv/table.js";
import { normalisePostcode, parseDate, parseText } from "../csv/values.js";
import { SkipCounter, urnOrReject, type Parsed, type Rejection } from "../rejections.js";

export const GIAS_OPEN_COLUMNS = ["urn", "name", "open_date", "town", "postcode"] as const;

export interface OpenSchool {
  urn: number;
  name: string | null;
  openedOn: string | null;
  town: string | null;
  postcode: string | null;
}

export function parseGiasOpenSchools(table: CsvTable): Parsed<Map<number, OpenSchool>> {
  const rejections: Rejection[] = [...table.malformed];
  const records = new Map<number, OpenSchool>();
  for (const row of table.records) {
    const urn = urnOrReject(table, row, "urn", rejections);
    if (urn === null) continue;
    records.set(urn, {
      urn,
      name: parseText(row.get("name")),
      openedOn: parseDate(row.get("open_date")),
      town: parseText(row.get("town")),
      postcode: normalisePostcode(row.get("postcode")),
    });
  }
  return { records, rejections, skipped: new SkipCounter() };
}
