/**
 * School improvement advisers as Dudley runs them: each school has a named single point of
 * contact of each kind (a council officer, a school improvement partner, a trust's lead). No
 * open data names them, so every adviser is recorded through the API.
 */
export const ADVISER_KINDS = [
  "COUNCIL_IMPROVEMENT_OFFICER",
  "SCHOOL_IMPROVEMENT_PARTNER",
  "TRUST_SCHOOL_IMPROVEMENT_LEAD",
] as const;
export type AdviserKind = (typeof ADVISER_KINDS)[number];

/** Most schools one assignment may name. */
export const MAX_ASSIGN_URNS = 200;

export interface AdviserRecord {
  id: string;
  name: string;
  kind: AdviserKind;
  organisation: string;
  /** The council the adviser works for, when it is one. */
  laCode: number | null;
  /** The trust or partnership the adviser works for, when it is one. */
  partnershipId: string | null;
  createdBy: string | null;
  /** ISO datetime. */
  createdAt: string | null;
  /** Schools the adviser advises now. */
  schoolCount: number;
}

export interface RegisterAdviserRequest {
  name: string;
  kind: AdviserKind;
  organisation: string;
  localAuthorityCode: number | null;
  partnershipId: string | null;
}

export interface AssignAdviserRequest {
  adviserId: string;
  urns: number[];
  /** ISO date; null for today. */
  since: string | null;
}

export interface UnassignAdviserRequest {
  adviserId: string;
  urn: number;
}

/** Who an adviser would work for, as found in the graph before registering. */
export interface EmployerLookup {
  localAuthority: { code: number; name: string; regionCode: string | null } | null;
  partnership: { id: string; name: string; memberRegionCodes: string[] } | null;
}

/** A school named in an assignment, with the adviser of the same kind it already has. */
export interface AssignmentTarget {
  urn: number;
  found: boolean;
  name: string | null;
  regionCode: string | null;
  /** Whether the school is in the council the adviser works for (false when it works for none). */
  inCouncil: boolean;
  /** Whether the school is a current member of the partnership the adviser works for. */
  inPartnership: boolean;
  /** The adviser of the assigned kind the school has now, if any. */
  currentAdviser: { id: string; name: string } | null;
}

/** One need band's state-funded schools in an area (band null: not banded). */
export interface BandCount {
  band: number | null;
  schools: number;
  advised: number;
}

/** Position of an unadvised school in need order. */
export interface NeedKey {
  /** Need band, 5 for unbanded so they sort last. */
  bandRank: number;
  needPoints: number;
  urn: number;
}
