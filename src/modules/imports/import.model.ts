import { ErrorCode, ServiceError } from "../../errors/index.js";
/**
 * Council records in bulk: one CSV file of one kind, each row the fields of the single admin
 * mutation it stands for (registerAdviser, assignAdviser, recordGrant, recordSupportEngagement)
 * plus the council's own `reference` for it. docs/imports.md describes the layouts and rules.
 */
import type { Operation } from "../../auth/policy.js";
import type { AdviserKind, RegisterAdviserRequest } from "../advisers/adviser.model.js";
import type { RecordEngagementRequest } from "../engagements/engagement.model.js";
import type { RecordGrantRequest } from "../funding/funding.model.js";
import type { RecipientSchool } from "../funding/allocation.js";

export const IMPORT_KINDS = [
  "ADVISERS",
  "ADVISER_ASSIGNMENTS",
  "GRANTS",
  "SUPPORT_ENGAGEMENTS",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The single mutation each kind of row stands for: its policy row authorises every row. */
export const OPERATION_OF_KIND: Readonly<Record<ImportKind, Operation>> = {
  ADVISERS: "registerAdviser",
  ADVISER_ASSIGNMENTS: "assignAdviser",
  GRANTS: "recordGrant",
  SUPPORT_ENGAGEMENTS: "recordSupportEngagement",
};

/** Most data rows one import may hold. */
export const MAX_IMPORT_ROWS = 10_000;
/** Largest CSV text one import may be, in bytes (UTF-8). */
export const MAX_IMPORT_BYTES = 5_000_000;
/** Longest council reference, in characters. */
export const MAX_REFERENCE_LENGTH = 100;

/** Why a row was left out; the codes are those of the single mutations' errors. */
export type RejectionCode = "BAD_USER_INPUT" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT";

/**
 * A row's rejection from the error a rule threw: its message, and its code when a single
 * mutation would have answered with it (NOT_FOUND, CONFLICT, FORBIDDEN), else BAD_USER_INPUT.
 * Anything that is not one of the service's errors is a fault, not a rejection: it is thrown on.
 */
export function rejectionOf(
  error: unknown,
  row: { line: number; reference: string | null },
): RowRejection {
  if (!(error instanceof ServiceError)) throw error;
  const code = error.extensions.code;
  return {
    line: row.line,
    reference: row.reference,
    reason: error.message,
    code:
      code === ErrorCode.NotFound || code === ErrorCode.Conflict || code === ErrorCode.Forbidden
        ? code
        : "BAD_USER_INPUT",
  };
}

export interface RowRejection {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  /** The row's reference when it could be read. */
  reference: string | null;
  reason: string;
  code: RejectionCode;
}

export type RowOutcome = "imported" | "updated" | "unchanged";

/** A row that went through: what it did, where it is in the file. */
export interface AcceptedRowOutcome {
  line: number;
  reference: string;
  outcome: RowOutcome;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** Data rows read from the file. */
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** In line order. */
  accepted: AcceptedRowOutcome[];
  /** In line order. */
  rejected: RowRejection[];
}

/**
 * The idempotency key of a record: the kind, the council (3-digit LA code) whose records the
 * file holds, and the council's reference. Stored as `importKey` on what the row made.
 */
export function importKey(kind: ImportKind, council: number, reference: string): string {
  return `${kind}|${council}|${reference}`;
}

/** What every row has: where it is, whose it is and the council's reference for it. */
export interface RowKey {
  line: number;
  council: number;
  reference: string;
  /** importKey(kind, council, reference). */
  key: string;
}

export interface AdviserRow extends RowKey {
  request: RegisterAdviserRequest;
}

export interface AssignmentRow extends RowKey {
  /** Exactly one of these names the adviser: a reference from the council's advisers file, or an id. */
  adviserReference: string | null;
  adviserId: string | null;
  urn: number;
  /** ISO date; null: today when first imported, left as it is afterwards. */
  since: string | null;
}

export interface GrantRow extends RowKey {
  request: RecordGrantRequest;
  /** The fund name to store (the fund's usual one when the row gives none). */
  fundName: string;
}

export interface EngagementRow extends RowKey {
  /** startOn null: today when first imported, left as it is afterwards. */
  request: RecordEngagementRequest;
}

export type ImportRow = AdviserRow | AssignmentRow | GrantRow | EngagementRow;

/** The graph as an import finds it, read inside the transaction that writes. */
export interface LocalAuthorityState {
  code: number;
  regionCode: string | null;
}

export interface SchoolState {
  urn: number;
  name: string | null;
  laCode: number | null;
  regionCode: string | null;
  /** Pupils on roll, which a grant's shares are cut by; null when the school has no count. */
  pupils: number | null;
  /** Partnerships the school is a current member of. */
  partnershipIds: string[];
}

export interface PartnershipState {
  id: string;
  /** Regions of every school ever a member (what registerAdviser authorises an employer by). */
  memberRegionCodes: string[];
  /** Where a grant's money would land now: current members (a board's: its clusters'). */
  recipients: (RecipientSchool & { regionCode: string | null })[];
}

export interface AdviserState {
  id: string;
  /** Null for an adviser registered one at a time. */
  importKey: string | null;
  name: string;
  kind: AdviserKind;
  organisation: string;
  laCode: number | null;
  partnershipId: string | null;
  schoolCount: number;
}

export interface AssignmentState {
  importKey: string;
  adviserId: string;
  urn: number;
  since: string | null;
}

/** The adviser a school has of one kind. */
export interface CurrentAdviser {
  urn: number;
  kind: AdviserKind;
  adviserId: string;
  adviserName: string;
  importKey: string | null;
}

export interface StoredShare {
  urn: number;
  pupils: number | null;
  awardedPence: number;
  matchedPence: number;
}

export interface GrantState {
  id: string;
  importKey: string;
  fund: string;
  fundName: string;
  amountPence: number;
  matchedPence: number;
  matchedBy: string | null;
  funder: string;
  awardedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  purpose: string;
  recipientUrn: number | null;
  recipientPartnershipId: string | null;
  shares: StoredShare[];
}

export interface SystemLeaderState {
  id: string;
  capacity: number;
  /** Schools it has an open engagement with now. */
  openUrns: number[];
}

export interface EngagementState {
  id: string;
  importKey: string;
  systemLeaderId: string;
  urn: number;
  start: string | null;
  focus: string | null;
}

export interface ImportState {
  localAuthorities: Map<number, LocalAuthorityState>;
  schools: Map<number, SchoolState>;
  partnerships: Map<string, PartnershipState>;
  /** Advisers by import key and by id. */
  advisersByKey: Map<string, AdviserState>;
  advisersById: Map<string, AdviserState>;
  assignments: Map<string, AssignmentState>;
  /** By `<urn>|<kind>`. */
  currentAdvisers: Map<string, CurrentAdviser>;
  grants: Map<string, GrantState>;
  systemLeaders: Map<string, SystemLeaderState>;
  engagements: Map<string, EngagementState>;
}

export function emptyState(): ImportState {
  return {
    localAuthorities: new Map(),
    schools: new Map(),
    partnerships: new Map(),
    advisersByKey: new Map(),
    advisersById: new Map(),
    assignments: new Map(),
    currentAdvisers: new Map(),
    grants: new Map(),
    systemLeaders: new Map(),
    engagements: new Map(),
  };
}
