import type { CsvTable } from "../csv/table.js";
import { parsePercent, parseUrn, roundTo } from "../csv/values.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const CENSUS_COLUMNS = ["URN", "PSENELSE", "PSENELK"] as const;

/**
 * SEN figures from the January 2021 census. The file's own field list names PSENELSE "SEN pupils
 * with an EHC plan" (S for statement, E for EHC plan) and PSENELK "pupils with SEN support" (K is
 * the SEN support code); national special-school rows (99% EHCP) confirm it.
 */
export interface CensusFigures {
  urn: number;
  ehcpPercent: number | null;
  senSupportPercent: number | null;
  /** EHC plan plus SEN support: every pupil with special educational needs. */
  senPercent: number | null;
}

export function parseCensus(table: CsvTable): Parsed<Map<number, CensusFigures>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, CensusFigures>();
  for (const row of table.records) {
    const cell = row.get("URN");
    if (cell === "NAT") {
      skipped.add(`${table.file}: national summary rows`);
      continue;
    }
    const urn = parseUrn(cell);
    if (urn === null) {
      rejections.push({ file: table.file, line: row.line, reason: "invalid URN", detail: cell });
      continue;
    }
    if (records.has(urn)) {
      rejections.push({ file: table.file, line: row.line, reason: "duplicate URN", detail: cell });
      continue;
    }
    const ehcpPercent = parsePercent(row.get("PSENELSE"));
    const senSupportPercent = parsePercent(row.get("PSENELK"));
    records.set(urn, {
      urn,
      ehcpPercent,
      senSupportPercent,
      senPercent:
        ehcpPercent !== null && senSupportPercent !== null
          ? roundTo(ehcpPercent + senSupportPercent, 1)
          : null,
    });
  }
  return { records, rejections, skipped };
}
