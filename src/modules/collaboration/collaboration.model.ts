/**
 * Ways schools in England can work together, as reference data: the catalogue in
 * seed/collaboration/models.ts is loaded into the graph as CollaborationModel nodes, and these
 * are the plain objects the service works with.
 */
import type { PartnershipType } from "../partnerships/partnership.model.js";

/** The three kinds of school the catalogue's joining rules distinguish. */
export const SCHOOL_CATEGORIES = ["MAINTAINED", "ACADEMY", "INDEPENDENT"] as const;
export type SchoolCategory = (typeof SCHOOL_CATEGORIES)[number];

/** Whether a kind of school can join: directly, only once it has converted, or not at all. */
export const ELIGIBILITIES = ["ELIGIBLE", "AFTER_CONVERSION", "NOT_ELIGIBLE"] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

/**
 * How a member leaves: at once; by giving notice (it stays a member until the notice ends);
 * or only through a statutory or DfE process, which the service cannot record on its own.
 */
export const LEAVING_RULES = ["AT_WILL", "NOTICE", "STATUTORY_PROCESS"] as const;
export type LeavingRule = (typeof LEAVING_RULES)[number];

/**
 * How a partnership of this model comes about: schools agree it among themselves; it needs a
 * statutory or DfE process after they agree (partnerships made in the service start "Forming");
 * a body DfE designates, which schools can only join; or a school alone (no proposals).
 */
export const FORMATIONS = ["AGREEMENT", "STATUTORY", "DESIGNATION", "SINGLE_SCHOOL"] as const;
export type Formation = (typeof FORMATIONS)[number];

export interface JoiningRoute {
  eligibility: Eligibility;
  /** The roadmap: what a school of this kind does to take the model up. Empty when ineligible. */
  steps: string[];
}

export interface CollaborationModelRecord {
  /** Kebab-case catalogue id, e.g. "multi-academy-trust". */
  id: string;
  name: string;
  partnershipType: PartnershipType;
  /**
   * True for the model that partnerships of this type follow when nothing says otherwise
   * (GIAS federations are statutory, hence hard federations).
   */
  primaryForType: boolean;
  summary: string;
  legalForm: string;
  governance: string;
  joining: Record<SchoolCategory, JoiningRoute>;
  formation: Formation;
  /** Models sharing a group are exclusive: a school belongs to at most one partnership of the group. */
  exclusiveGroup: string | null;
  /** A partnership needs at least one independent and one state-funded school. */
  mixesSectors: boolean;
  leavingRule: LeavingRule;
  /** Days of notice, for the NOTICE rule. */
  noticeDays: number | null;
  leavingProcedure: string;
  typicalCosts: string;
  advantages: string[];
  disadvantages: string[];
  /** Where the description comes from (legislation, DfE guidance). */
  references: string[];
}

/** A partnership a school belongs to, with the model it follows. */
export interface SchoolMembership {
  partnershipId: string;
  partnershipName: string;
  partnershipType: PartnershipType | null;
  /** "Forming" for statutory models agreed in the service but not yet completed. */
  partnershipStatus: string | null;
  /** Set for partnerships made in the service; GIAS partnerships follow their type's primary model. */
  modelId: string | null;
}

/** What the roadmap needs to know about a school. */
export interface SchoolStanding {
  urn: number;
  name: string;
  governance: string | null;
  stateFunded: boolean | null;
  regionCode: string | null;
  memberships: SchoolMembership[];
}

export interface CollaborationOption {
  model: CollaborationModelRecord;
  eligibility: Exclude<Eligibility, "NOT_ELIGIBLE">;
  steps: string[];
  /** Partnerships of this model the school already belongs to. */
  existingPartnershipIds: string[];
}

export interface UnavailableModel {
  model: CollaborationModelRecord;
  reason: string;
}

export interface CollaborationRoadmap {
  urn: number;
  category: SchoolCategory | null;
  options: CollaborationOption[];
  unavailable: UnavailableModel[];
}
