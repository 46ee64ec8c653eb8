import { authorize } from "../../auth/policy.js";
import type { Principal } from "../../auth/principal.js";
import { ValidationError } from "../../errors/index.js";
import { decodeKeysetCursor, encodeCursorTuple, invalidCursorMessage } from "../common/cursor.js";
import { pageSize } from "../common/pagination.js";
import { checkRegionCode } from "../geography/geography.service.js";
import type { AuditEventRecord, AuditFilter, AuditKey } from "./audit.model.js";
import type { AuditRepository } from "./audit.repository.js";

const MAX_CURSOR_LENGTH = 300;
const MAX_FILTER_LENGTH = 200;

export interface AuditPage {
  events: AuditEventRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export function encodeAuditCursor(key: AuditKey): string {
  return encodeCursorTuple([key.at, key.id]);
}

/** The position a cursor names; anything we did not issue is a client error naming `after`. */
export function decodeAuditCursor(cursor: string | null | undefined): AuditKey | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = decodeKeysetCursor(cursor, ["datetime", "string"], MAX_CURSOR_LENGTH);
  if (!decoded) throw new ValidationError(invalidCursorMessage("after"), "after");
  return { at: decoded[0] as string, id: decoded[1] as string };
}

function checkText(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0 || value.length > MAX_FILTER_LENGTH) {
    throw new ValidationError(
      `\`${argument}\` must be 1 to ${MAX_FILTER_LENGTH} characters.`,
      argument,
    );
  }
  return value;
}

export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly principal: Principal,
  ) {}

  /**
   * Audit events, newest first. Admins see every event; oversight sees events concerning
   * schools in its regions (a `regionCode` filter must be one of them), and nobody else sees any.
   */
  async list(
    filter: AuditFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AuditPage> {
    const f = filter ?? {};
    const regionCode =
      f.regionCode == null ? null : checkRegionCode(f.regionCode, "filter.regionCode");
    const scope =
      this.principal.role === "OVERSIGHT"
        ? regionCode === null
          ? this.principal.regionCodes
          : [regionCode]
        : regionCode === null
          ? null
          : [regionCode];
    authorize(this.principal, "readAuditEvents", { regionCodes: scope ?? [] });
    const size = pageSize(first, "first");
    const position = decodeAuditCursor(after);
    const rows = await this.repository.list({
      regionCodes: scope,
      action: checkText(f.action, "filter.action"),
      urn: f.urn ?? null,
      actorSub: checkText(f.actorSub, "filter.actorSub"),
      after: position,
      limit: size + 1,
    });
    const events = rows.slice(0, size);
    const last = events.at(-1);
    return {
      events,
      hasNextPage: rows.length > size,
      endCursor: last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
    };
  }
}
