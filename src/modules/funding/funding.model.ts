/**
 * School improvement grants. No open data lists them, so every grant is recorded through the
 * API; where the money lands follows allocation.ts.
 */
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

export interface GrantRecord {
  id: string;
  fund: Fund;
  fundName: string;
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
  createdBy: string | null;
  createdAt: string | null;
}

export interface RecordGrantRequest {
  fund: Fund;
  fundName: string | null;
  amountPence: number;
  matchedPence: number;
  matchedBy: string | null;
  funder: string;
  awardedOn: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
  recipientUrn: number | null;
  recipientPartnershipId: string | null;
}

/** A recipient as found before recording: its regions and (for a partnership) members now. */
export interface RecipientLookup {
  found: boolean;
  regionCodes: string[];
  currentMembers: number;
  urns: number[];
}

/** A school money can land on, with what the report breaks figures down by. */
export interface FundedSchool {
  urn: number;
  pupils: number | null;
  laCode: number | null;
  regionCode: string | null;
  needBand: number | null;
  rural: boolean | null;
  coastal: boolean | null;
}

/** A grant in a report window with the schools it lands on now. */
export interface ReportGrant {
  id: string;
  fund: Fund;
  amountPence: number;
  matchedPence: number;
  schools: FundedSchool[];
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
