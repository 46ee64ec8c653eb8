/**
 * The two system-leader files: DfE's Teaching School Hubs (bundled) and a list of designated
 * leaders a user loads with `npm run seed -- --system-leaders FILE`.
 */
import { DEFAULT_CAPACITY } from "../../src/modules/support/support.rules.js";
import {
  DESIGNATIONS,
  SPECIALISMS,
  type Designation,
  type Specialism,
} from "../../src/modules/support/system-leader.model.js";
import { parseDesignation, parseSpecialismList } from "../../src/modules/support/vocabulary.js";
import type { CsvTable } from "../csv/table.js";
import { parseText, parseUrn } from "../csv/values.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const HUB_COLUMNS = [
  "region_group",
  "tsh_region_code",
  "school_urn",
  "lead_school_name",
  "hub_name",
] as const;

export interface TeachingSchoolHub {
  line: number;
  /** DfE's hub area code, e.g. EE1, "NW6/NW7" when a hub serves two. */
  hubCode: string;
  regionGroup: string | null;
  /** The lead school's URN as published. */
  leadUrn: number;
  leadSchoolName: string | null;
  name: string;
}

/** One hub per row; a row without a URN, code or name is rejected. */
export function parseTeachingSchoolHubs(table: CsvTable): Parsed<TeachingSchoolHub[]> {
  const rejections: Rejection[] = [...table.malformed];
  const hubs: TeachingSchoolHub[] = [];
  const seen = new Set<string>();
  for (const row of table.records) {
    const reject = (reason: string, detail?: string) =>
      rejections.push({ file: table.file, line: row.line, reason, detail });
    const leadUrn = parseUrn(row.get("school_urn"));
    const hubCode = parseText(row.get("tsh_region_code"));
    const name = parseText(row.get("hub_name"));
    if (leadUrn === null) {
      reject("lead school URN is not a URN", row.get("school_urn"));
      continue;
    }
    if (hubCode === null || name === null) {
      reject("hub without an area code or name");
      continue;
    }
    if (seen.has(hubCode)) {
      reject("hub area code listed twice", hubCode);
      continue;
    }
    seen.add(hubCode);
    hubs.push({
      line: row.line,
      hubCode,
      regionGroup: parseText(row.get("region_group")),
      leadUrn,
      leadSchoolName: parseText(row.get("lead_school_name")),
      name,
    });
  }
  return { records: hubs, rejections, skipped: new SkipCounter() };
}

/** The columns of a user's list, matched ignoring case: URN, designation, specialisms, capacity. */
export const LIST_COLUMNS = ["urn", "designation", "specialisms", "capacity"] as const;

export const MAX_LISTED_CAPACITY = 20;

export interface ListedSystemLeader {
  line: number;
  urn: number;
  designation: Designation;
  specialisms: Specialism[];
  capacity: number;
  /** False when the list gave no capacity and the designation's default was used. */
  capacityListed: boolean;
}

/**
 * The header names of `table` for each of LIST_COLUMNS, matched ignoring case and spaces, or the
 * columns missing.
 */
export function listColumns(
  header: readonly string[],
): { columns: Record<(typeof LIST_COLUMNS)[number], string> } | { missing: string[] } {
  const find = (wanted: string) =>
    header.find((name) => name.toLowerCase().replace(/[\s_]+/g, "") === wanted);
  const found = LIST_COLUMNS.map((column) => [column, find(column)] as const);
  const missing = found.filter(([, name]) => name === undefined).map(([column]) => column);
  if (missing.length > 0) return { missing };
  return {
    columns: Object.fromEntries(found) as Record<(typeof LIST_COLUMNS)[number], string>,
  };
}

/**
 * Rows of a user's list: a URN, a designation (NLE, LLE, NLG, SLE, TSH or their full names),
 * specialisms separated by semicolons (blank for none) and a capacity (1 to 20; blank for the
 * designation's default). Whether the URN is a school in the graph is checked when loading.
 */
export function parseSystemLeaderList(
  table: CsvTable,
  columns: Record<(typeof LIST_COLUMNS)[number], string>,
): Parsed<ListedSystemLeader[]> {
  const rejections: Rejection[] = [...table.malformed];
  const records: ListedSystemLeader[] = [];
  for (const row of table.records) {
    const reject = (reason: string, detail?: string) =>
      rejections.push({ file: table.file, line: row.line, reason, detail });
    const urn = parseUrn(row.get(columns.urn));
    if (urn === null) {
      reject("URN is not a URN", row.get(columns.urn));
      continue;
    }
    const designation = parseDesignation(row.get(columns.designation));
    if (designation === null) {
      reject(
        "unknown designation",
        `"${row.get(columns.designation)}"; expected one of ${DESIGNATIONS.join(", ")}`,
      );
      continue;
    }
    const { specialisms, unknown } = parseSpecialismList(row.get(columns.specialisms));
    if (unknown.length > 0) {
      reject(
        "unknown specialism",
        `${unknown.map((name) => `"${name}"`).join(", ")}; expected ${SPECIALISMS.join(", ")}`,
      );
      continue;
    }
    const capacityCell = row.get(columns.capacity).trim();
    const capacity = capacityCell === "" ? DEFAULT_CAPACITY[designation] : Number(capacityCell);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_LISTED_CAPACITY) {
      reject(`capacity is not a whole number from 1 to ${MAX_LISTED_CAPACITY}`, capacityCell);
      continue;
    }
    records.push({
      line: row.line,
      urn,
      designation,
      specialisms,
      capacity,
      capacityListed: capacityCell !== "",
    });
  }
  return { records, rejections, skipped: new SkipCounter() };
}
