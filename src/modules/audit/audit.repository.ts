import type { Database } from "../../db/driver.js";
import { ROLES } from "../../auth/principal.js";
import { cypherInt } from "../common/params.js";
import {
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  requireString,
} from "../common/values.js";
import type { AuditEventRecord, AuditFilter, AuditKey } from "./audit.model.js";

export interface AuditListParams extends AuditFilter {
  /** Events touching any of these regions; null for every event. */
  regionCodes: string[] | null;
  after: AuditKey | null;
  limit: number;
}

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
    return rows.map((row) => toAuditEvent(row["event"]));
  }
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function toAuditEvent(value: unknown): AuditEventRecord {
  const p = asProperties(value) ?? {};
  return {
    id: requireString(p["id"], "AuditEvent.id"),
    at: requireString(p["at"], "AuditEvent.at"),
    action: asString(p["action"]) ?? "unknown",
    actor: {
      sub: asString(p["actorSub"]) ?? "unknown",
      role: asMember(ROLES, p["actorRole"]) ?? "ADMIN",
    },
    requestId: asString(p["requestId"]),
    targetType: asString(p["targetType"]) ?? "unknown",
    targetId: asString(p["targetId"]) ?? "",
    urns: asList(p["urns"]).flatMap((urn) => asInt(urn) ?? []),
    regionCodes: asList(p["regionCodes"]).flatMap((code) => asString(code) ?? []),
    before: parseJson(p["before"]),
    after: parseJson(p["after"]),
  };
}
