import type { CsvRecord, CsvTable } from "../csv/table.js";
import {
  normalisePostcode,
  parseDate,
  parseNumber,
  parsePercent,
  parseText,
} from "../csv/values.js";
import { ofstedGradeFromName } from "../domain/classify.js";
import { newUrnOrReject, SkipCounter, type Parsed, type Rejection } from "../rejections.js";

/** An Ofsted judgement: the grade and the date the inspection started. */
export interface Inspection {
  grade: number;
  date: string;
  source: string;
}

export interface LatLng {
  latitude: number;
  longitude: number;
}

interface PerformanceRow {
  urn: number;
  postcode: string | null;
  town: string | null;
  location: LatLng | null;
  inspection: Inspection | null;
}

export interface Ks2Row extends PerformanceRow {
  readingProgress: number | null;
  writingProgress: number | null;
  mathsProgress: number | null;
}

export interface Ks4Row extends PerformanceRow {
  progress8: number | null;
  attainment8: number | null;
  englishMathsGrade5Percent: number | null;
}

const COMMON_COLUMNS = [
  "URN",
  "PCODE",
  "TOWN",
  "OFSTEDRATING",
  "INSPECTIONDT",
  "LATITUDE",
  "LONGITUDE",
] as const;
export const KS2_COLUMNS = [...COMMON_COLUMNS, "READPROG", "WRITPROG", "MATPROG"] as const;
export const KS4_COLUMNS = [...COMMON_COLUMNS, "P8MEA", "ATT8SCR", "PTL2BASICS_95"] as const;

/** Generous bounds of the British Isles: coordinates outside them are typing errors. */
function isInBritishIsles(latitude: number, longitude: number): boolean {
  return latitude >= 49 && latitude <= 61 && longitude >= -11 && longitude <= 2.5;
}

function parseCommon(
  row: CsvRecord,
  source: string,
  skipped: SkipCounter,
  file: string,
): Omit<PerformanceRow, "urn"> {
  const latitude = parseNumber(row.get("LATITUDE"));
  const longitude = parseNumber(row.get("LONGITUDE"));
  let location: LatLng | null = null;
  if (latitude !== null && longitude !== null) {
    if (isInBritishIsles(latitude, longitude)) location = { latitude, longitude };
    else skipped.add(`${file}: coordinates outside the British Isles (ignored)`);
  }
  const grade = ofstedGradeFromName(row.get("OFSTEDRATING"));
  const date = parseDate(row.get("INSPECTIONDT"));
  return {
    postcode: normalisePostcode(row.get("PCODE")),
    town: parseText(row.get("TOWN")),
    location,
    inspection: grade !== null && date !== null ? { grade, date, source } : null,
  };
}

function parsePerformance<T extends PerformanceRow>(
  table: CsvTable,
  source: string,
  figures: (row: CsvRecord) => Omit<T, keyof PerformanceRow>,
): Parsed<Map<number, T>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, T>();
  for (const row of table.records) {
    const urn = newUrnOrReject(table, row, "URN", rejections, records);
    if (urn === null) continue;
    records.set(urn, {
      urn,
      ...parseCommon(row, source, skipped, table.file),
      ...figures(row),
    } as T);
  }
  return { records, rejections, skipped };
}

/** KS2 2018/19: progress scores; "SUPP", "LOWCOV" and blanks are missing figures. */
export function parseKs2(table: CsvTable, source: string): Parsed<Map<number, Ks2Row>> {
  return parsePerformance<Ks2Row>(table, source, (row) => ({
    readingProgress: parseNumber(row.get("READPROG")),
    writingProgress: parseNumber(row.get("WRITPROG")),
    mathsProgress: parseNumber(row.get("MATPROG")),
  }));
}

/** KS4 2018/19: Progress 8, Attainment 8 and grade 5+ English and maths; "NP", "NE", "SUPP" are missing. */
export function parseKs4(table: CsvTable, source: string): Parsed<Map<number, Ks4Row>> {
  return parsePerformance<Ks4Row>(table, source, (row) => ({
    progress8: parseNumber(row.get("P8MEA")),
    attainment8: parseNumber(row.get("ATT8SCR")),
    englishMathsGrade5Percent: parsePercent(row.get("PTL2BASICS_95")),
  }));
}
