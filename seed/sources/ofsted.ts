import type { CsvTable } from "../csv/table.js";
import { parseDate, parseUrn } from "../csv/values.js";
import { ofstedGradeFromCode } from "../domain/classify.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import type { Inspection } from "./performance.js";

const RELATES = "Does the latest full inspection relate to the URN of the current school?";
const URN_AT_INSPECTION = "URN at time of latest full inspection";

export const OFSTED_COLUMNS = [
  RELATES,
  URN_AT_INSPECTION,
  "Overall effectiveness",
  "Inspection start date",
] as const;

/**
 * Latest full inspections from Ofsted management information. The files carry no column for the
 * school's current URN, only the URN at the time of the inspection and whether that is the current
 * school; an inspection of a predecessor (before academy conversion, say) judged a different
 * school, so only inspections of the current URN are kept.
 */
export function parseOfstedManagementInformation(
  tables: readonly CsvTable[],
  source: string,
): Parsed<Map<number, Inspection>> {
  const rejections: Rejection[] = [];
  const skipped = new SkipCounter();
  const records = new Map<number, Inspection>();
  for (const table of tables) {
    rejections.push(...table.malformed);
    for (const row of table.records) {
      const relates = row.get(RELATES).toLowerCase();
      if (relates !== "yes") {
        skipped.add(`${source}: latest full inspection was of a predecessor URN`);
        continue;
      }
      const urn = parseUrn(row.get(URN_AT_INSPECTION));
      if (urn === null) {
        rejections.push({
          file: table.file,
          line: row.line,
          reason: "invalid URN",
          detail: row.get(URN_AT_INSPECTION),
        });
        continue;
      }
      const grade = ofstedGradeFromCode(row.get("Overall effectiveness"));
      const date = parseDate(row.get("Inspection start date"));
      if (grade === null || date === null) {
        skipped.add(`${source}: no overall effectiveness grade or date`);
        continue;
      }
      const known = records.get(urn);
      if (!known || known.date < date) records.set(urn, { grade, date, source });
    }
  }
  return { records, rejections, skipped };
}
