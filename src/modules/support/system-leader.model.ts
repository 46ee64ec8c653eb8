/**
 * System leaders as the service sees them: plain objects mapped from graph rows at the repository
 * boundary. See cypher/README.md ("System leaders and support") for how they sit in the graph.
 */
import type { LatLng } from "../../db/mappers.js";
import type { DatasetId } from "../datasets/dataset.model.js";
import type { Phase } from "../schools/school.model.js";

/**
 * National and Local Leaders of Education (headteachers), National Leaders of Governance
 * (governors), Specialist Leaders of Education (middle and senior leaders), and Teaching School
 * Hubs (held by a lead school rather than a person).
 */
export const DESIGNATIONS = ["NLE", "LLE", "NLG", "SLE", "TEACHING_SCHOOL_HUB"] as const;
export type Designation = (typeof DESIGNATIONS)[number];

/** Designations a person holds; the rest are held by a school. */
export const PERSON_DESIGNATIONS: readonly Designation[] = ["NLE", "LLE", "NLG", "SLE"];

export function isPersonDesignation(designation: Designation): boolean {
  return PERSON_DESIGNATIONS.includes(designation);
}

/**
 * What a system leader can help with, and (the same vocabulary) where a school needs help: see
 * need-bands.ts for how a school's weakest areas are named.
 */
export const SPECIALISMS = [
  "ENGLISH",
  "MATHEMATICS",
  "SCIENCE",
  "CURRICULUM",
  "EARLY_YEARS",
  "SEND",
  "BEHAVIOUR",
  "LEADERSHIP",
  "GOVERNANCE",
  "DISADVANTAGED_PUPILS",
  "TEACHER_DEVELOPMENT",
] as const;
export type Specialism = (typeof SPECIALISMS)[number];

/** Who generated a synthetic record, so it can be reproduced. */
export interface GeneratorInfo {
  name: string;
  version: number;
  seed: number;
}

export interface SystemLeaderRecord {
  id: string;
  designation: Designation;
  /** The hub's name, or the name of the person holding the designation. */
  name: string;
  /** The phase the leader works in; null for any phase (hubs, governance). */
  phase: Phase | null;
  specialisms: Specialism[];
  /** Schools the leader can support at once. */
  capacity: number;
  /** Engagements with no end date or one still to come; they count against capacity. */
  openEngagements: number;
  synthetic: boolean;
  generator: GeneratorInfo | null;
  /** The school the leader works from (a hub's lead school). */
  baseUrn: number | null;
  /** The Leader holding a person designation; null for a hub. */
  holder: DesignatedPersonRecord | null;
  location: LatLng | null;
  regionCode: string | null;
  laCode: number | null;
  sourceId: DatasetId | null;
}

export interface DesignatedPersonRecord {
  id: string;
  name: string;
  /** A placeholder for a person no source names: "Headteacher of <school>". */
  synthetic: boolean;
}

/** A `SUPPORTS` relationship: a system leader working with a school. */
export interface SupportEngagementRecord {
  id: string;
  systemLeaderId: string;
  /** The school supported; it may have closed since. */
  urn: number;
  /**
   * The open school whose list the engagement was read for: `urn` itself, or a successor that
   * shows it as the history of a school it replaced. Null when read for the leader.
   */
  listedForUrn: number | null;
  /**
   * The region oversight of which may read the engagement: the supported school's, or, in a
   * successor's list, the successor's.
   */
  regionCode: string | null;
  start: string | null;
  end: string | null;
  focus: string | null;
  outcome: string | null;
  /** No end date, or an end date after today (an end of today is closed: engagements/engagement.rules.ts), and the school still open. */
  open: boolean;
}

/** Position of a system leader in (name, id) order, for keyset pagination. */
export interface LeaderKey {
  name: string;
  id: string;
}
