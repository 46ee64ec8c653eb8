import { randomUUID } from "node:crypto";
import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import type { AuditEntry } from "./audit.model.js";

/** Runs a statement inside the caller's write transaction. */
export type TransactionRun = Parameters<Parameters<Database["writeTransaction"]>[0]>[0];

/**
 * Records an audit event inside the transaction making the change, so the event exists
 * exactly when the change does. Before and after are stored as JSON text.
 */
export async function recordAudit(run: TransactionRun, entry: AuditEntry): Promise<string> {
  const event = auditEventOf(entry);
  await run("audit/recordAuditEvent", { event });
  return event.id;
}

/** An audit event's stored properties (a new id; the time is set when it is written). */
export function auditEventOf(entry: AuditEntry): { id: string } & Record<string, unknown> {
  return {
    id: randomUUID(),
    action: entry.action,
    actorSub: entry.actor.sub,
    actorRole: entry.actor.role,
    requestId: entry.requestId,
    targetType: entry.targetType,
    targetId: entry.targetId,
    urns: [...new Set(entry.urns)].map(cypherInt),
    regionCodes: [...new Set(entry.regionCodes)].sort(),
    before: JSON.stringify(entry.before ?? null),
    after: JSON.stringify(entry.after ?? null),
  };
}
