/**
 * School improvement grants. No open data lists them, so every grant is recorded through the
 * API; where the money lands follows allocation.ts, cut once when the grant is recorded.
 */
import type { RecipientSchool } from "./allocation.js";

export const FUNDS = [
  "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
  "PRIMARY_CHAINS_GRANT",
  "INDEPENDENT_STATE_SCHOOL_PARTNERSHIP_SEEDCORN",
  "COLLABORATION_RESEARCH",
  "OTHER",
] as const;
export type Fund = (typeof FUNDS)[number];

/** The name a fund goes by when the grant gives none. */
export const FUND_NAMES: Readonly<Record<Exclude<Fund, "OTHER">, string>> = {
  STRATEGIC_SCHOOL_IMPROVEMENT_FUND: "Strategic School Improvement Fund",
  PRIMARY_CHAINS_GRANT: "Primary Chains Grant",
  INDEPENDENT_STATE_SCHOOL_PARTNERSHIP_SEEDCORN: "Independent-State School Partnerships seedcorn",
  COLLABORATION_RESEARCH: "Collaboration research",
};

/** The largest amount one grant may carry: it must fit a GraphQL Int (2^31 − 1). */
export const MAX_GRANT_PENCE = 2_000_000_000;

export interface RecordGrantRequest {
  fund: Fund;
  /** Null: the fund's own name (an OTHER fund must be named). */
  fundName: string | null;
  amountPence: number;
  matchedPence: number;
  matchedBy: string | null;
  funder: string;
  /** ISO dates. */
  awardedOn: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
  /** Exactly one of these is set: the school or the partnership the grant went to. */
  recipientUrn: number | null;
  recipientPartnershipId: string | null;
}

/** A recorded grant: the request as recorded, its fund named, with who recorded it and when. */
export interface GrantRecord extends Omit<RecordGrantRequest, "fundName"> {
  id: string;
  fundName: string;
  createdBy: string | null;
  createdAt: string | null;
}

/** A recipient as found before recording: its regions and the schools its money would land on now. */
export interface RecipientLookup {
  found: boolean;
  regionCodes: string[];
  /** The school itself, or a partnership's current members (a board's: its clusters' members). */
  schools: RecipientSchool[];
}

/** A school money landed on, with what the report breaks figures down by. */
export interface FundedSchool {
  urn: number;
  laCode: number | null;
  regionCode: string | null;
  needBand: number | null;
  rural: boolean | null;
  coastal: boolean | null;
}

/** The part of a grant that landed on one school, as stored when the grant was awarded. */
export interface LandedShare {
  school: FundedSchool;
  awardedPence: number;
  matchedPence: number;
}

/**
 * A grant in a report window with its shares landing in the area. No shares at all (England
 * only) means the grant was stored without any, so its money is unallocated.
 */
export interface ReportGrant {
  id: string;
  fund: Fund;
  amountPence: number;
  matchedPence: number;
  shares: LandedShare[];
}

/** An area's open schools and pupils for one (LA, need band). */
export interface AreaSchoolsRow {
  laCode: number;
  laName: string | null;
  band: number | null;
  schools: number;
  pupils: number;
}

/** The area a report covers: an LA, a region, or England (both null). */
export interface ReportArea {
  laCode: number | null;
  regionCode: string | null;
}

export interface GrantKey {
  awardedOn: string;
  id: string;
}
