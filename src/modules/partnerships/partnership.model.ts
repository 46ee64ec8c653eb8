import type { DatasetId } from "../datasets/dataset.model.js";
import type { NameKey } from "../common/pagination.js";
import type { SchoolRecord } from "../schools/school.model.js";

/** GIAS group types first, then kinds of partnership made in the service. */
export const PARTNERSHIP_TYPES = [
  "MULTI_ACADEMY_TRUST",
  "SINGLE_ACADEMY_TRUST",
  "FEDERATION",
  "TRUST",
  "UMBRELLA_TRUST",
  "CLUSTER",
  "CO_OPERATIVE_TRUST",
  "TEACHING_SCHOOL_HUB",
  "INFORMAL_COLLABORATION",
  "INDEPENDENT_STATE_SCHOOL_PARTNERSHIP",
  "SCHOOL_IMPROVEMENT_BOARD",
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export interface PartnershipRecord {
  id: string;
  name: string;
  type: PartnershipType | null;
  status: string | null;
  /** GIAS group UID, for partnerships loaded from GIAS. */
  giasUid: string | null;
  companiesHouseNumber: string | null;
  openedOn: string | null;
  sourceId: DatasetId | null;
  /** Schools that are members, counted when the partnership is read. */
  memberCount: number;
}

/** A school's membership of a partnership. */
export interface MembershipRecord {
  partnership: PartnershipRecord;
  /** Null when GIAS records no joining date. */
  joinedOn: string | null;
  /** The dataset that records the membership ("service" for those made here). */
  sourceId: string | null;
  /** When it ended, where known; null while it lasts. */
  leftOn: string | null;
  /** For an ended membership, the date of the source that shows it had ended by then. */
  leftBy: string | null;
  endedReason: string | null;
  endedSourceId: string | null;
}

/** A school's current memberships and those it has left. */
/** A partnership's member school. */
export interface MemberRecord {
  school: SchoolRecord;
  joinedOn: string | null;
}

/** One page of members wanted: up to `first` after a position in (name, urn) order. */
export interface MembersPageKey {
  partnershipId: string;
  first: number;
  after: NameKey | null;
}

/** The rows for a page (up to first + 1, to tell whether more follow) and the total. */
export interface MembersSlice {
  members: MemberRecord[];
  total: number;
}
