import type { Actor } from "../../auth/principal.js";

/** One change made through the API: who, when, what, and the state before and after. */
export interface AuditEventRecord {
  id: string;
  /** ISO datetime. */
  at: string;
  /** The mutation, e.g. "respondToProposal". */
  action: string;
  actor: Actor;
  requestId: string | null;
  targetType: string;
  targetId: string;
  /** Schools the change concerns, and their regions (which oversight filters by). */
  urns: number[];
  regionCodes: string[];
  before: unknown;
  after: unknown;
}

/** What a write hands to recordAudit; the id and time are filled in. */
export type AuditEntry = Omit<AuditEventRecord, "id" | "at">;

export interface AuditFilter {
  action?: string | null;
  urn?: number | null;
  regionCode?: string | null;
  actorSub?: string | null;
}

/** Position of an event in (at, id) descending order. */
export interface AuditKey {
  at: string;
  id: string;
}

/** Who makes a write and in which request: what every audited write records. */
export interface WriteOrigin {
  actor: Actor;
  requestId: string;
}
