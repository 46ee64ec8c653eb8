/**
 * Ofsted management information, state-funded schools as at 31 August 2025: the newest source of
 * each open school's inspections, local authority (LAESTAB), trust and basic details.
 */
import type { CsvRecord, CsvTable } from "../csv/table.js";
import {
  normalisePostcode,
  parseDate,
  parseId,
  parseInteger,
  parseText,
  parseUrn,
} from "../csv/values.js";
import { normaliseReligiousCharacter } from "../domain/classify.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import type {
  CategoryOfConcern,
  GradeBasis,
  InspectionKind,
  KeyJudgements,
} from "../../src/modules/schools/school.model.js";

/** An inspection that judged nothing: ungraded, or an older source's overall grade alone. */
export const NO_JUDGEMENTS: KeyJudgements = {
  overall: null,
  qualityOfEducation: null,
  behaviourAndAttitudes: null,
  personalDevelopment: null,
  leadershipAndManagement: null,
  earlyYears: null,
  sixthForm: null,
  safeguardingEffective: null,
  categoryOfConcern: null,
};

export const OFSTED_2025_COLUMNS = [
  "URN",
  "LAESTAB",
  "School name",
  "Ofsted phase",
  "Type of education",
  "School open date",
  "Designated religious character",
  "Multi-academy trust UID",
  "Multi-academy trust name",
  "Postcode",
  "Total number of pupils",
  "Statutory lowest age",
  "Statutory highest age",
  "Inspection number of latest graded inspection",
  "Inspection type",
  "Inspection start date",
  "Publication date",
  "URN at time of latest graded inspection",
  "Overall effectiveness",
  "Category of concern",
  "Quality of education",
  "Behaviour and attitudes",
  "Personal development",
  "Effectiveness of leadership and management",
  "Safeguarding is effective?",
  "Early years provision (where applicable)",
  "Sixth form provision (where applicable)",
  "Latest ungraded inspection number since last graded inspection",
  "URN at time of the ungraded inspection",
  "Date of latest ungraded inspection",
  "Ungraded inspection publication date",
  "Ungraded inspection overall outcome",
  "Previous inspection number",
  "Previous inspection start date",
  "Previous publication date",
  "URN at time of previous graded inspection",
  "Previous graded inspection overall effectiveness",
  "Previous category of concern",
  "Previous quality of education",
  "Previous behaviour and attitudes",
  "Previous personal development",
  "Previous effectiveness of leadership and management",
  "Previous safeguarding is effective?",
  "Previous early years provision (where applicable)",
  "Previous sixth form provision (where applicable)",
] as const;

/** One inspection of a school, graded or ungraded; judgements null where not made. */
export interface InspectionRecord extends KeyJudgements {
  /** Ofsted's inspection number, or `<source>:<urn>:<date>` when the source gives none. */
  id: string;
  /** The school (current URN) this inspection belongs to. */
  urn: number;
  /** The URN inspected: a predecessor's when the school has not been inspected since it changed. */
  urnAtInspection: number | null;
  kind: InspectionKind;
  /** yyyy-mm-dd, the inspection's start date. */
  date: string;
  publishedOn: string | null;
  /** As Ofsted names it, e.g. "S5 Inspection"; null when the source does not say. */
  type: string | null;
  /** An ungraded inspection's outcome, e.g. "School remains Good". */
  outcome: string | null;
  source: string;
}

/** One open school as the 2025 file lists it. */
export interface Ofsted2025School {
  urn: number;
  laestab: number;
  /** The DfE LA number: the first three digits of LAESTAB (942, 943 for Cumbria's successors). */
  laCode: number;
  name: string;
  /** Primary, Secondary, Special, Nursery or PRU. */
  ofstedPhase: string;
  establishmentType: string;
  openedOn: string | null;
  religiousCharacter: string | null;
  multiAcademyTrustUid: number | null;
  multiAcademyTrustName: string | null;
  postcode: string | null;
  pupils: number | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  /** Latest graded, previous graded and latest ungraded, whichever the file holds. */
  inspections: InspectionRecord[];
}

/** Ofsted's 1..4 codes; 9 ("not applicable") and "Not judged" are missing. */
export function judgementGrade(cell: string): number | null {
  const grade = parseInteger(cell);
  return grade !== null && grade >= 1 && grade <= 4 ? grade : null;
}

function categoryOfConcern(cell: string): CategoryOfConcern | null {
  const code = cell.trim().toUpperCase();
  if (code === "SM") return "SPECIAL_MEASURES";
  if (code === "SWK") return "SERIOUS_WEAKNESSES";
  return null;
}

function safeguarding(cell: string): boolean | null {
  const text = cell.trim().toLowerCase();
  if (text === "yes") return true;
  if (text === "no") return false;
  return null;
}

/**
 * The grade need bands and matching read. Inspections before September 2024 give an overall
 * effectiveness grade; later graded inspections give none ("Not judged") and the key judgements
 * carry the result. For those the lowest (worst) key judgement stands in, as an inadequate key
 * judgement made a school inadequate overall under the old framework.
 */
export function headlineGrade(
  inspection: Pick<
    InspectionRecord,
    | "overall"
    | "qualityOfEducation"
    | "behaviourAndAttitudes"
    | "personalDevelopment"
    | "leadershipAndManagement"
  >,
): { grade: number; basis: GradeBasis } | null {
  if (inspection.overall !== null) {
    return { grade: inspection.overall, basis: "OVERALL_EFFECTIVENESS" };
  }
  const keys = [
    inspection.qualityOfEducation,
    inspection.behaviourAndAttitudes,
    inspection.personalDevelopment,
    inspection.leadershipAndManagement,
  ].filter((grade): grade is number => grade !== null);
  if (keys.length === 0) return null;
  return { grade: Math.max(...keys), basis: "LOWEST_KEY_JUDGEMENT" };
}

function gradedInspection(
  row: CsvRecord,
  urn: number,
  source: string,
  prefix: "" | "Previous ",
): InspectionRecord | null {
  const previous = prefix === "Previous ";
  const date = parseDate(
    row.get(previous ? "Previous inspection start date" : "Inspection start date"),
  );
  if (date === null) return null;
  const number = parseText(
    row.get(
      previous ? "Previous inspection number" : "Inspection number of latest graded inspection",
    ),
  );
  const lower = (name: string) => (previous ? name.toLowerCase() : name);
  const column = (name: string) => row.get(`${prefix}${lower(name)}`);
  return {
    id: number ?? `${source}:${urn}:${date}`,
    urn,
    urnAtInspection: parseUrn(
      row.get(
        previous
          ? "URN at time of previous graded inspection"
          : "URN at time of latest graded inspection",
      ),
    ),
    kind: "GRADED",
    date,
    publishedOn: parseDate(row.get(previous ? "Previous publication date" : "Publication date")),
    type: previous ? null : parseText(row.get("Inspection type")),
    overall: judgementGrade(
      row.get(
        previous ? "Previous graded inspection overall effectiveness" : "Overall effectiveness",
      ),
    ),
    qualityOfEducation: judgementGrade(column("Quality of education")),
    behaviourAndAttitudes: judgementGrade(column("Behaviour and attitudes")),
    personalDevelopment: judgementGrade(column("Personal development")),
    leadershipAndManagement: judgementGrade(column("Effectiveness of leadership and management")),
    earlyYears: judgementGrade(column("Early years provision (where applicable)")),
    sixthForm: judgementGrade(column("Sixth form provision (where applicable)")),
    safeguardingEffective: safeguarding(column("Safeguarding is effective?")),
    categoryOfConcern: categoryOfConcern(column("Category of concern")),
    outcome: null,
    source,
  };
}

function ungradedInspection(row: CsvRecord, urn: number, source: string): InspectionRecord | null {
  const date = parseDate(row.get("Date of latest ungraded inspection"));
  if (date === null) return null;
  const number = parseText(
    row.get("Latest ungraded inspection number since last graded inspection"),
  );
  return {
    id: number ?? `${source}:${urn}:${date}:ungraded`,
    urn,
    urnAtInspection: parseUrn(row.get("URN at time of the ungraded inspection")),
    kind: "UNGRADED",
    date,
    publishedOn: parseDate(row.get("Ungraded inspection publication date")),
    type: "Ungraded inspection",
    ...NO_JUDGEMENTS,
    outcome: parseText(row.get("Ungraded inspection overall outcome")),
    source,
  };
}

/**
 * Every school in the file, keyed by its current URN. A row with no valid URN or LAESTAB is
 * rejected; the rest load whether or not the school has been inspected yet.
 */
export function parseOfsted2025(
  table: CsvTable,
  source: string,
): Parsed<Map<number, Ofsted2025School>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<number, Ofsted2025School>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("URN"));
    const laestab = parseId(row.get("LAESTAB"));
    const name = parseText(row.get("School name"));
    if (urn === null || laestab === null || laestab < 1_000_000 || name === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: urn === null ? "invalid URN" : name === null ? "no school name" : "invalid LAESTAB",
        detail: urn === null ? row.get("URN") : row.get("LAESTAB"),
      });
      continue;
    }
    if (records.has(urn)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "second row for the same URN",
        detail: String(urn),
      });
      continue;
    }
    const inspections = [
      gradedInspection(row, urn, source, ""),
      gradedInspection(row, urn, source, "Previous "),
      ungradedInspection(row, urn, source),
    ].filter((inspection): inspection is InspectionRecord => inspection !== null);
    if (!inspections.some((inspection) => inspection.kind === "GRADED")) {
      skipped.add(`${source}: schools not yet given a graded inspection (loaded without one)`);
    }
    records.set(urn, {
      urn,
      laestab,
      laCode: Math.floor(laestab / 10_000),
      name,
      ofstedPhase: row.get("Ofsted phase").trim(),
      establishmentType: row.get("Type of education").trim(),
      openedOn: parseDate(row.get("School open date")),
      religiousCharacter: normaliseReligiousCharacter(
        parseText(row.get("Designated religious character")),
      ),
      multiAcademyTrustUid: parseId(row.get("Multi-academy trust UID")),
      multiAcademyTrustName: parseText(row.get("Multi-academy trust name")),
      postcode: normalisePostcode(row.get("Postcode")),
      pupils: parseInteger(row.get("Total number of pupils")),
      statutoryLowAge: parseInteger(row.get("Statutory lowest age")),
      statutoryHighAge: parseInteger(row.get("Statutory highest age")),
      inspections,
    });
  }
  return { records, rejections, skipped };
}
