import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, node, parseRows } from "../../db/rows.js";
import { ROLES } from "../../auth/principal.js";
import { cypherInt } from "../common/params.js";
import type { AuditEventRecord, AuditFilter, AuditKey } from "./audit.model.js";

export interface AuditListParams extends AuditFilter {
  /** Events touching any of these regions; null for every event. */
  regionCodes: string[] | null;
  after: AuditKey | null;
  limit: number;
}

function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** An AuditEvent node; its before and after are stored as JSON text. */
const AuditEventNode = node(
  z
    .object({
      id: key.string,
      at: key.string,
      action: cell.string,
      actorSub: cell.string,
      actorRole: cell.member(ROLES),
      requestId: cell.string,
      targetType: cell.string,
      targetId: cell.string,
      urns: cell.list(cell.int),
      regionCodes: cell.list(cell.string),
      before: cell.string,
      after: cell.string,
    })
    .transform((event): AuditEventRecord => ({
      id: event.id,
      at: event.at,
      action: event.action ?? "unknown",
      actor: { sub: event.actorSub ?? "unknown", role: event.actorRole ?? "ADMIN" },
      requestId: event.requestId,
      targetType: event.targetType ?? "unknown",
      targetId: event.targetId ?? "",
      urns: event.urns,
      regionCodes: event.regionCodes,
      before: parseJson(event.before),
      after: parseJson(event.after),
    })),
);

const AuditEventRow = z.object({ event: AuditEventNode });

export class AuditRepository {
  constructor(private readonly db: Database) {}

  // listAuditEvents
  async list(params: AuditListParams): Promise<AuditEventRecord[]> {
    const rows = await this.db.read("audit/listAuditEvents", {
      regionCodes: params.regionCodes,
      action: params.action ?? null,
      urn: params.urn ?? null,
      actorSub: params.actorSub ?? null,
      afterAt: params.after?.at ?? null,
      afterId: params.after?.id ?? null,
      limit: cypherInt(params.limit),
    });
    return parseRows(AuditEventRow, rows, "audit/listAuditEvents").map((row) => row.event);
  }
}
