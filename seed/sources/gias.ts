import path from "node:path";
import type { CsvRecord, CsvTable } from "../csv/table.js";
import {
  academicYearOf,
  normalisePostcode,
  parseDate,
  parseInteger,
  parseNumber,
  parsePercent,
  parseText,
} from "../csv/values.js";
import {
  governanceOf,
  isStateFunded,
  normaliseGender,
  normaliseReligiousCharacter,
  ofstedGradeFromName,
  ofstedRatingOf,
  phaseFromGias,
} from "../domain/classify.js";
import type { Figure, OfstedJudgement, SchoolFacts } from "../domain/school.js";
import { newUrnOrReject, SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import { fullName, leaderId, type LeaderName } from "./leaders.js";

/** Columns every GIAS "edubasealldata" establishment extract has and this importer reads. */
export const GIAS_COLUMNS = [
  "URN",
  "LA (code)",
  "EstablishmentNumber",
  "EstablishmentName",
  "TypeOfEstablishment (name)",
  "EstablishmentStatus (name)",
  "PhaseOfEducation (name)",
  "StatutoryLowAge",
  "StatutoryHighAge",
  "Gender (name)",
  "ReligiousCharacter (name)",
  "CensusDate",
  "NumberOfPupils",
  "PercentageFSM",
  "Town",
  "Postcode",
  "HeadTitle (name)",
  "HeadFirstName",
  "HeadLastName",
  "HeadPreferredJobTitle",
] as const;

export const GIAS_EXPECTED =
  "a GIAS establishment extract (the edubasealldata CSV from " +
  "https://get-information-schools.service.gov.uk/Downloads)";

export interface SchoolHead extends LeaderName {
  id: string;
  urn: number;
  role: string;
}

export interface GiasEstablishment extends SchoolFacts {
  head: SchoolHead | null;
}

/**
 * The extract's date: from the official file name (edubasealldata20220420.csv) when it has one,
 * otherwise the latest LastChangedDate in the file, which GIAS stamps on every edit.
 */
export function extractDateOf(fileName: string, table: CsvTable): string | null {
  const match = /edubasealldata[_-]?(\d{4})-?(\d{2})-?(\d{2})/i.exec(path.basename(fileName));
  const fromName = match ? parseDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
  if (fromName) return fromName;
  let latest: string | null = null;
  for (const row of table.records) {
    const changed = parseDate(row.get("LastChangedDate"));
    if (changed !== null && (latest === null || changed > latest)) latest = changed;
  }
  return latest;
}

function censusFigure(row: CsvRecord, column: string, source: string): Figure | null {
  const censusDate = parseDate(row.get("CensusDate"));
  const value =
    column === "PercentageFSM" ? parsePercent(row.get(column)) : parseNumber(row.get(column));
  return censusDate !== null && value !== null
    ? { value, year: academicYearOf(censusDate), source }
    : null;
}

function ofstedJudgement(row: CsvRecord, source: string): OfstedJudgement | null {
  const grade = ofstedGradeFromName(row.get("OfstedRating (name)"));
  const date = parseDate(row.get("OfstedLastInsp"));
  if (grade === null || date === null) return null;
  return { rating: ofstedRatingOf(grade), grade, date, source };
}

function schoolHead(row: CsvRecord, urn: number): SchoolHead | null {
  const person: LeaderName = {
    title: parseText(row.get("HeadTitle (name)")),
    firstName: parseText(row.get("HeadFirstName")),
    lastName: parseText(row.get("HeadLastName")),
  };
  if (fullName(person) === "") return null;
  return {
    ...person,
    id: leaderId(`gias-head-${urn}`, person),
    urn,
    role: parseText(row.get("HeadPreferredJobTitle")) ?? "Headteacher",
  };
}

/**
 * Open establishments of a GIAS extract as school facts plus their headteacher. Closed
 * establishments are counted and left out: the graph holds open schools.
 */
export function parseGiasExtract(
  table: CsvTable,
  extractDate: string,
  source: string,
): Parsed<GiasEstablishment[]> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records: GiasEstablishment[] = [];
  const seen = new Set<number>();
  for (const row of table.records) {
    const urn = newUrnOrReject(table, row, "URN", rejections, seen);
    if (urn === null) continue;
    seen.add(urn);
    const status = parseText(row.get("EstablishmentStatus (name)"));
    if (status === null || !status.toLowerCase().startsWith("open")) {
      skipped.add("GIAS extract: closed establishments");
      continue;
    }
    const type = parseText(row.get("TypeOfEstablishment (name)"));
    const governance = type === null ? null : governanceOf(type);
    const laCode = parseInteger(row.get("LA (code)"));
    const number = parseInteger(row.get("EstablishmentNumber"));
    records.push({
      urn,
      detailsAsOf: extractDate,
      detailsSource: source,
      details: {
        name: parseText(row.get("EstablishmentName")),
        laestab: laCode !== null && number !== null ? laCode * 10000 + number : null,
        phase: type === null ? null : phaseFromGias(row.get("PhaseOfEducation (name)"), type),
        establishmentType: type,
        governance,
        stateFunded: governance === null ? null : isStateFunded(governance),
        status,
        gender: normaliseGender(row.get("Gender (name)")),
        religiousCharacter: normaliseReligiousCharacter(
          parseText(row.get("ReligiousCharacter (name)")),
        ),
        statutoryLowAge: parseInteger(row.get("StatutoryLowAge")),
        statutoryHighAge: parseInteger(row.get("StatutoryHighAge")),
        postcode: normalisePostcode(row.get("Postcode")),
        town: parseText(row.get("Town")),
      },
      pupils: censusFigure(row, "NumberOfPupils", source),
      fsmPercent: censusFigure(row, "PercentageFSM", source),
      ofsted: ofstedJudgement(row, source),
      head: schoolHead(row, urn),
    });
  }
  return { records, rejections, skipped };
}
