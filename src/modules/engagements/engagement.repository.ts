import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, parseRow } from "../../db/rows.js";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.js";
import { recordAudit } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type {
  SupportEngagementRecord,
  SystemLeaderRecord,
} from "../support/system-leader.model.js";
import { SupportEngagementNode, SystemLeaderNode } from "../support/system-leader.repository.js";
import {
  isAtCapacity,
  type CloseEngagementRequest,
  type DesignationRequest,
  type RecordEngagementRequest,
} from "./engagement.model.js";

const LockedLeaderRow = z.object({
  capacity: cell.int,
  openEngagements: cell.int,
  school: cell.map(z.object({ regionCode: cell.string })),
  alreadySupports: cell.boolean,
});

const EngagementRow = z.object({ engagement: SupportEngagementNode });
const LockedEngagementRow = z.object({
  engagement: SupportEngagementNode,
  regionCode: cell.string,
});
const LeaderRow = z.object({ leader: SystemLeaderNode });
const LockedForRevokeRow = z.object({
  leader: SystemLeaderNode,
  engagements: cell.int,
  baseUrn: cell.int,
});

function regionsOf(region: string | null): string[] {
  return region === null ? [] : [region];
}

function leaderOrFail(leader: SystemLeaderRecord | null): SystemLeaderRecord {
  if (leader === null) throw new Error("A SystemLeader row had no known designation.");
  return leader;
}

/**
 * Support engagements and designations. Every write is one transaction that first takes the
 * system leader's write lock, so the checks it makes (capacity, open engagements) hold until it
 * commits: concurrent writes for one leader run one after another.
 */
export class EngagementRepository {
  constructor(private readonly db: Database) {}

  /** Opens an engagement unless the leader is full or already supports the school. */
  async record(
    request: RecordEngagementRequest,
    origin: WriteOrigin,
  ): Promise<SupportEngagementRecord> {
    return this.db.writeTransaction(async (run) => {
      const params = { systemLeaderId: request.systemLeaderId, urn: cypherInt(request.urn) };
      const [found] = await run("engagements/lockSystemLeaderForEngagement", params);
      if (!found) {
        throw new NotFoundError(
          `No system leader has id ${request.systemLeaderId}.`,
          "input.systemLeaderId",
        );
      }
      const locked = parseRow(LockedLeaderRow, found, "engagements/lockSystemLeaderForEngagement");
      const school = locked.school;
      if (school === null)
        throw new NotFoundError(`No school has URN ${request.urn}.`, "input.urn");
      if (locked.alreadySupports === true) {
        throw new ConflictError(
          `System leader ${request.systemLeaderId} already supports school ${request.urn}.`,
          { argument: "input.urn" },
        );
      }
      const capacity = locked.capacity ?? 0;
      const open = locked.openEngagements ?? 0;
      if (isAtCapacity(open, capacity)) {
        throw new ConflictError(
          `System leader ${request.systemLeaderId} is at capacity (${open} of ${capacity} open engagements).`,
          { argument: "input.systemLeaderId", capacity, openEngagements: open },
        );
      }
      const [row] = await run("engagements/createSupportEngagement", {
        ...params,
        id: `svc-${randomUUID()}`,
        focus: request.focus,
        startOn: request.startOn,
        createdBy: origin.actor.sub,
      });
      const { engagement } = parseRow(
        EngagementRow,
        row ?? {},
        "engagements/createSupportEngagement",
      );
      await recordAudit(run, {
        ...origin,
        action: "recordSupportEngagement",
        targetType: "SupportEngagement",
        targetId: engagement.id,
        urns: [request.urn],
        regionCodes: regionsOf(school.regionCode),
        before: { openEngagements: open, capacity },
        after: { ...engagement, openEngagements: open + 1 },
      });
      return engagement;
    });
  }

  /**
   * Ends an open engagement with its outcome. `authorizeLeader` is handed the engagement's
   * leader inside the transaction, before anything is written.
   */
  async close(
    request: CloseEngagementRequest,
    origin: WriteOrigin,
    authorizeLeader: (systemLeaderId: string) => void,
  ): Promise<SupportEngagementRecord> {
    return this.db.writeTransaction(async (run) => {
      const [found] = await run("engagements/lockSupportEngagement", { id: request.engagementId });
      if (!found) {
        throw new NotFoundError(
          `No support engagement has id ${request.engagementId}.`,
          "input.engagementId",
        );
      }
      const locked = parseRow(LockedEngagementRow, found, "engagements/lockSupportEngagement");
      const before = locked.engagement;
      authorizeLeader(before.systemLeaderId);
      // Closed means not open (engagement.rules.ts): an end of today is closed already. One
      // with an end still to come was closed ahead of time and keeps that end and outcome.
      if (before.end !== null) {
        throw new ConflictError(
          before.open
            ? `Support engagement ${before.id} is already set to end on ${before.end}.`
            : `Support engagement ${before.id} was already closed on ${before.end}.`,
          { argument: "input.engagementId" },
        );
      }
      if (request.endOn !== null && before.start !== null && request.endOn < before.start) {
        throw new ValidationError(
          `\`input.endOn\`: must not be before the engagement started (${before.start})`,
          "input.endOn",
        );
      }
      const [row] = await run("engagements/closeSupportEngagement", {
        id: request.engagementId,
        endOn: request.endOn,
        outcome: request.outcome,
        closedBy: origin.actor.sub,
      });
      const { engagement: after } = parseRow(
        EngagementRow,
        row ?? {},
        "engagements/closeSupportEngagement",
      );
      await recordAudit(run, {
        ...origin,
        action: "closeSupportEngagement",
        targetType: "SupportEngagement",
        targetId: after.id,
        urns: [after.urn],
        regionCodes: regionsOf(locked.regionCode),
        before,
        after,
      });
      return after;
    });
  }

  /** A new system leader based at `urn`, made through the API (so not synthetic). */
  async designate(request: DesignationRequest, origin: WriteOrigin): Promise<SystemLeaderRecord> {
    return this.db.writeTransaction(async (run) => {
      const id = `svc-${request.designation.toLowerCase()}-${request.urn}-${randomUUID().slice(0, 8)}`;
      const [row] = await run("system-leaders/createSystemLeader", {
        id,
        urn: cypherInt(request.urn),
        designation: request.designation,
        name: request.name,
        specialisms: request.specialisms,
        capacity: cypherInt(request.capacity),
        createdBy: origin.actor.sub,
      });
      if (!row) throw new NotFoundError(`No school has URN ${request.urn}.`, "input.urn");
      const leader = leaderOrFail(
        parseRow(LeaderRow, row, "system-leaders/createSystemLeader").leader,
      );
      await recordAudit(run, {
        ...origin,
        action: "designateSystemLeader",
        targetType: "SystemLeader",
        targetId: id,
        urns: [request.urn],
        regionCodes: leader.regionCode === null ? [] : [leader.regionCode],
        before: null,
        after: leader,
      });
      return leader;
    });
  }

  /**
   * Removes a designation with its (closed) engagement history; refused while the leader has
   * open engagements, which must be closed first so each gets its outcome.
   */
  async revoke(id: string, origin: WriteOrigin): Promise<SystemLeaderRecord> {
    return this.db.writeTransaction(async (run) => {
      const [found] = await run("system-leaders/lockSystemLeaderForRevoke", { id });
      if (!found) throw new NotFoundError(`No system leader has id ${id}.`, "id");
      const locked = parseRow(
        LockedForRevokeRow,
        found,
        "system-leaders/lockSystemLeaderForRevoke",
      );
      const leader = leaderOrFail(locked.leader);
      if (leader.openEngagements > 0) {
        throw new ConflictError(
          `System leader ${id} has ${leader.openEngagements} open support engagement(s); close them first.`,
          { argument: "id", openEngagements: leader.openEngagements },
        );
      }
      await run("system-leaders/deleteSystemLeader", { id });
      const baseUrn = locked.baseUrn;
      await recordAudit(run, {
        ...origin,
        action: "revokeSystemLeader",
        targetType: "SystemLeader",
        targetId: id,
        urns: baseUrn === null ? [] : [baseUrn],
        regionCodes: leader.regionCode === null ? [] : [leader.regionCode],
        before: { ...leader, engagements: locked.engagements ?? 0 },
        after: null,
      });
      return leader;
    });
  }
}
