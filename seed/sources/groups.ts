import type { CsvTable } from "../csv/table.js";
import { parseDate, parseId, parseText, parseUrn } from "../csv/values.js";
import { partnershipTypeOf, type PartnershipType } from "../domain/classify.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import { leaderId, type LeaderName } from "./leaders.js";

export const GROUP_COLUMNS = [
  "Group UID",
  "Group Name",
  "Companies House Number",
  "Group Type",
  "Open date",
  "Incorporated on (open date)",
  "Group Status (code)",
  "Head of Group Title",
  "Head of Group First Name",
  "Head of Group Last Name",
] as const;

export const GROUP_LINK_COLUMNS = ["URN", "Group UID", "Group Type", "Joined date"] as const;

export interface Partnership {
  id: string;
  giasUid: number;
  name: string;
  type: PartnershipType;
  status: string;
  companiesHouseNumber: string | null;
  openedOn: string | null;
  /** yyyy-mm-dd when a newer GIAS list shows the group closed. */
  closedOn?: string | null;
  source: string;
}

export interface PartnershipHead extends LeaderName {
  id: string;
  partnershipId: string;
  role: string;
  source: string;
  /** The date of the extract that names them (yyyy-mm-dd), when the source is dated. */
  asOf?: string | null;
}

export interface Membership {
  urn: number;
  partnershipId: string;
  joinedOn: string | null;
  source: string;
}

/** A membership that has ended: the school left the group or closed. */
export interface FormerMembership extends Membership {
  /** yyyy-mm-dd when known. */
  leftOn: string | null;
  /** The date of the source that shows it ended ("left by"), when leftOn is unknown. */
  leftBy: string;
  leftSource: string;
  reason: string;
}

export function partnershipId(giasUid: number): string {
  return `gias-${giasUid}`;
}

/** Companies House numbers are eight characters; the file lost leading zeros to a float. */
export function normaliseCompanyNumber(cell: string): string | null {
  const text = cell.trim().replace(/\.0$/, "");
  if (text === "") return null;
  return /^\d+$/.test(text) ? text.padStart(8, "0") : text.toUpperCase();
}

function skipReason(groupType: string, status: string): string {
  const type = groupType.toLowerCase();
  if (type.startsWith("children's centre")) return "GIAS groups: children's centres groups";
  if (type === "school sponsor") return "GIAS groups: school sponsors";
  if (status !== "OPEN") return "GIAS groups: closed or proposed groups";
  return `GIAS groups: other group types (${groupType})`;
}

/**
 * Open trusts and federations become partnerships. Closed groups, academy sponsors (an
 * organisation that sponsors academies, not a group of schools) and children's-centre groups are
 * not school partnerships. The head of group is kept when GIAS names one.
 */
export function parseGroups(
  table: CsvTable,
  source: string,
): Parsed<{ partnerships: Partnership[]; heads: PartnershipHead[] }> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const partnerships: Partnership[] = [];
  const heads: PartnershipHead[] = [];
  const seen = new Set<number>();
  for (const row of table.records) {
    const uid = parseId(row.get("Group UID"));
    const name = parseText(row.get("Group Name"));
    if (uid === null || name === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: uid === null ? "invalid group UID" : "missing group name",
        detail: row.get("Group UID"),
      });
      continue;
    }
    if (seen.has(uid)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "duplicate group UID",
        detail: String(uid),
      });
      continue;
    }
    seen.add(uid);
    const type = partnershipTypeOf(row.get("Group Type"));
    const status = row.get("Group Status (code)");
    if (type === null || status !== "OPEN") {
      skipped.add(skipReason(row.get("Group Type"), status));
      continue;
    }
    const id = partnershipId(uid);
    partnerships.push({
      id,
      giasUid: uid,
      name,
      type,
      status,
      companiesHouseNumber: normaliseCompanyNumber(row.get("Companies House Number")),
      openedOn:
        parseDate(row.get("Open date")) ?? parseDate(row.get("Incorporated on (open date)")),
      source,
    });
    const firstName = parseText(row.get("Head of Group First Name"));
    const lastName = parseText(row.get("Head of Group Last Name"));
    if (firstName !== null || lastName !== null) {
      const person = { title: parseText(row.get("Head of Group Title")), firstName, lastName };
      heads.push({
        ...person,
        id: leaderId(`gias-group-head-${uid}`, person),
        partnershipId: id,
        role: "Head of Group",
        source,
      });
    }
  }
  return { records: { partnerships, heads }, rejections, skipped };
}

/**
 * School-to-partnership links. Links to groups that were not loaded are skipped; a link to a URN
 * that is not a school in the graph is rejected, since the partnership then misses a member.
 */
export function parseGroupLinks(
  table: CsvTable,
  source: string,
  partnerships: ReadonlySet<string>,
  schools: ReadonlySet<number>,
): Parsed<Membership[]> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records: Membership[] = [];
  const seen = new Set<string>();
  for (const row of table.records) {
    const urn = parseUrn(row.get("URN"));
    const uid = parseId(row.get("Group UID"));
    if (urn === null || uid === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: urn === null ? "invalid URN" : "invalid group UID",
        detail: urn === null ? row.get("URN") : row.get("Group UID"),
      });
      continue;
    }
    const id = partnershipId(uid);
    if (!partnerships.has(id)) {
      skipped.add(`GIAS group links: links to groups not loaded (${row.get("Group Type")})`);
      continue;
    }
    if (!schools.has(urn)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "member URN is not a school in the 2022/23 list",
        detail: `URN ${urn} in group ${uid}`,
      });
      continue;
    }
    const key = `${urn}:${id}`;
    if (seen.has(key)) {
      skipped.add("GIAS group links: repeated links");
      continue;
    }
    seen.add(key);
    records.push({ urn, partnershipId: id, joinedOn: parseDate(row.get("Joined date")), source });
  }
  return { records, rejections, skipped };
}

/** Groups GIAS lists as closed, with the date they closed where it gives one. */
export function parseGroupClosures(table: CsvTable): Map<string, string | null> {
  const closed = new Map<string, string | null>();
  for (const row of table.records) {
    const uid = parseId(row.get("Group UID"));
    if (uid === null || row.get("Group Status (code)") !== "CLOSED") continue;
    closed.set(partnershipId(uid), parseDate(row.get("Closed Date")));
  }
  return closed;
}
