import type { CsvTable } from "../csv/table.js";
import {
  academicYearFromPeriod,
  normalisePostcode,
  parseInteger,
  parseNumber,
  parsePercent,
  parseText,
} from "../csv/values.js";
import {
  governanceOf,
  isStateFunded,
  normaliseGender,
  phaseFromCensusGrouping,
  type Governance,
  type Phase,
} from "../domain/classify.js";
import { newUrnOrReject, SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const SPC_COLUMNS = [
  "time_period",
  "urn",
  "old_la_code",
  "new_la_code",
  "la_name",
  "school_name",
  "laestab",
  "phase_type_grouping",
  "sex_of_school_description",
  "typeofestablishment_name",
  "denomination",
  "district_administrative_code",
  "district_administrative_name",
  "parl_con_code",
  "ward_code",
  "ward_name",
  "urban_rural",
  "school_postcode",
  "headcount of pupils",
  "% of pupils known to be eligible for free school meals",
  "% of pupils whose first language is known or believed to be other than English",
] as const;

/** One school from the 2022/23 census file, the base list of schools. */
export interface SpcSchool {
  urn: number;
  name: string;
  laestab: number | null;
  laCode: number;
  /** The LA's E-code as the census used it, to pick between old and new codes of one LA. */
  laGssCode: string | null;
  year: string;
  phase: Phase;
  establishmentType: string;
  governance: Governance;
  stateFunded: boolean;
  gender: string | null;
  religiousCharacter: string | null;
  districtCode: string | null;
  districtName: string | null;
  wardCode: string | null;
  wardName: string | null;
  constituencyCode: string | null;
  /** The ONS urban/rural class of the school's output area, as the census words it. */
  urbanRuralText: string | null;
  postcode: string | null;
  pupils: number | null;
  fsmPercent: number | null;
  ealPercent: number | null;
}

/** `laCodes` are the LA codes the region hierarchy knows; a school elsewhere cannot be placed. */
export function parseSpc(table: CsvTable, laCodes: ReadonlySet<number>): Parsed<SpcSchool[]> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const seen = new Set<number>();
  const records: SpcSchool[] = [];
  const reject = (line: number, reason: string, detail?: string) =>
    rejections.push({ file: table.file, line, reason, detail });

  for (const row of table.records) {
    const urn = newUrnOrReject(table, row, "urn", rejections, seen);
    if (urn === null) continue;
    const laCode = parseInteger(row.get("old_la_code"));
    if (laCode === null || !laCodes.has(laCode)) {
      reject(row.line, "LA code not in the region hierarchy", row.get("old_la_code"));
      continue;
    }
    const name = parseText(row.get("school_name"));
    if (name === null) {
      reject(row.line, "missing school name");
      continue;
    }
    const establishmentType = row.get("typeofestablishment_name");
    const phase = phaseFromCensusGrouping(row.get("phase_type_grouping"), establishmentType);
    if (phase === null) {
      reject(row.line, "unknown phase grouping", row.get("phase_type_grouping"));
      continue;
    }
    const year = academicYearFromPeriod(row.get("time_period"));
    if (year === null) {
      reject(row.line, "invalid time period", row.get("time_period"));
      continue;
    }
    seen.add(urn);
    const governance = governanceOf(establishmentType);
    records.push({
      urn,
      name,
      laestab: parseInteger(row.get("laestab")),
      laCode,
      laGssCode: parseText(row.get("new_la_code")),
      year,
      phase,
      establishmentType,
      governance,
      stateFunded: isStateFunded(governance),
      gender: normaliseGender(row.get("sex_of_school_description")),
      religiousCharacter: parseText(row.get("denomination")),
      districtCode: parseText(row.get("district_administrative_code")),
      districtName: parseText(row.get("district_administrative_name")),
      wardCode: parseText(row.get("ward_code")),
      wardName: parseText(row.get("ward_name")),
      constituencyCode: parseText(row.get("parl_con_code")),
      urbanRuralText: parseText(row.get("urban_rural")),
      postcode: normalisePostcode(row.get("school_postcode")),
      pupils: parseNumber(row.get("headcount of pupils")),
      fsmPercent: parsePercent(row.get("% of pupils known to be eligible for free school meals")),
      ealPercent: parsePercent(
        row.get("% of pupils whose first language is known or believed to be other than English"),
      ),
    });
  }
  return { records, rejections, skipped };
}
