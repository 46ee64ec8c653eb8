/**
 * What an import does with each row, decided on plain objects: the rows (already checked on
 * their own) and the graph as read inside the writing transaction. Each row is looked up, then
 * authorised by the policy row of its single mutation, then held to that mutation's rules (an
 * adviser's employer, one adviser of a kind per school, a leader's capacity, where a grant's
 * money lands), and finally compared with what its reference already holds. Rows are planned in
 * file order and each sees the rows planned before it, as if the mutations ran one by one.
 */
import { randomUUID } from "node:crypto";
import { decide } from "../../auth/policy.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../errors/index.js";
import type { SignedInPrincipal } from "../../auth/principal.js";
import type { AdviserRecord, AssignmentTarget } from "../advisers/adviser.model.js";
import { kindLabel, outsideEmployer } from "../advisers/adviser.rules.js";
import type { AuditEntry } from "../audit/audit.model.js";
import { isAtCapacity } from "../engagements/engagement.model.js";
import { allocateGrant, type SchoolShare } from "../funding/allocation.js";
import type { RecordGrantRequest } from "../funding/funding.model.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import { changeSides, changedFields, outcomeOf, type FieldChange } from "./import.diff.js";
import {
  OPERATION_OF_KIND,
  importKey,
  type AdviserRow,
  type AdviserState,
  type AssignmentRow,
  type EngagementRow,
  type GrantRow,
  type ImportKind,
  type ImportRow,
  type ImportState,
  type RowKey,
  type AcceptedRowOutcome,
  type RowOutcome,
  type RowRejection,
  rejectionOf,
} from "./import.model.js";

export interface AdviserWrite {
  id: string;
  importKey: string;
  name: string;
  kind: string;
  organisation: string;
  laCode: number | null;
  partnershipId: string | null;
}

export interface AssignmentWrite {
  adviserId: string;
  urn: number;
  kind: string;
  importKey: string;
  /** ISO date; null: today for a new one, kept for one already stored. */
  since: string | null;
}

/** A grant as the single mutation records it, with its import key and shares. */
export interface GrantWrite extends Omit<RecordGrantRequest, "fundName"> {
  id: string;
  importKey: string;
  fundName: string;
  shares: (SchoolShare & { pupils: number | null })[];
}

export interface EngagementWrite {
  id: string;
  importKey: string;
  systemLeaderId: string;
  urn: number;
  focus: string;
  /** ISO date; null: today for a new one, kept for one already stored. */
  startOn: string | null;
}

/** The writes of one import, for one kind; `updates` also claims records made one at a time. */
export type ImportWrites =
  | { kind: "ADVISERS"; creates: AdviserWrite[]; updates: AdviserWrite[] }
  | { kind: "ADVISER_ASSIGNMENTS"; creates: AssignmentWrite[]; updates: AssignmentWrite[] }
  | { kind: "GRANTS"; creates: GrantWrite[]; updates: GrantWrite[] }
  | { kind: "SUPPORT_ENGAGEMENTS"; creates: EngagementWrite[]; updates: EngagementWrite[] };

export interface ImportPlan {
  outcomes: AcceptedRowOutcome[];
  rejected: RowRejection[];
  writes: ImportWrites;
  /** One event per row that writes. */
  audit: AuditEntry[];
}

const notFound = (reason: string) => new NotFoundError(reason);
const conflict = (reason: string) => new ConflictError(reason);
const invalid = (reason: string) => new ValidationError(reason);

function regions(...codes: (string | null | undefined)[]): string[] {
  return [...new Set(codes.filter((code): code is string => typeof code === "string"))];
}

/** Plans every row of one kind against the state; see the module comment for the order. */
export function planImport(
  kind: ImportKind,
  rows: readonly ImportRow[],
  state: ImportState,
  principal: SignedInPrincipal,
  origin: WriteOrigin,
): ImportPlan {
  const planner = new Planner(kind, state, principal, origin);
  for (const row of rows) planner.plan(row);
  return planner.result();
}

class Planner {
  private readonly outcomes: AcceptedRowOutcome[] = [];
  private readonly rejected: RowRejection[] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly creates: unknown[] = [];
  private readonly updates: unknown[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly state: ImportState,
    private readonly principal: SignedInPrincipal,
    private readonly origin: WriteOrigin,
  ) {}

  result(): ImportPlan {
    return {
      outcomes: this.outcomes,
      rejected: this.rejected,
      audit: this.audit,
      writes: { kind: this.kind, creates: this.creates, updates: this.updates } as ImportWrites,
    };
  }

  plan(row: ImportRow): void {
    try {
      switch (this.kind) {
        case "ADVISERS":
          return this.adviser(row as AdviserRow);
        case "ADVISER_ASSIGNMENTS":
          return this.assignment(row as AssignmentRow);
        case "GRANTS":
          return this.grant(row as GrantRow);
        case "SUPPORT_ENGAGEMENTS":
          return this.engagement(row as EngagementRow);
      }
    } catch (error) {
      this.rejected.push(rejectionOf(error, row));
    }
  }

  /** The region of the council whose records the row is; NOT_FOUND for an unknown code. */
  private councilRegion(row: RowKey): string | null {
    const council = this.state.localAuthorities.get(row.council);
    if (!council) throw notFound(`\`council\`: no local authority has code ${row.council}.`);
    return council.regionCode;
  }

  /** FORBIDDEN unless the policy row of the kind's mutation allows the caller this resource. */
  private authorize(
    row: RowKey,
    resource: { regionCodes: string[]; urns?: number[]; systemLeaderId?: string },
  ): void {
    const decision = decide(this.principal, OPERATION_OF_KIND[this.kind], resource);
    if (!decision.allowed) {
      throw new ForbiddenError(
        `${decision.reason.replace(/\.$/, "")}: the row concerns council ${row.council} and regions ${resource.regionCodes.join(", ") || "(none)"}.`,
      );
    }
  }

  private record(
    row: RowKey,
    outcome: RowOutcome,
    write: unknown,
    event: Omit<AuditEntry, "action" | "actor" | "requestId" | "after"> & { after: object },
  ): void {
    this.outcomes.push({ line: row.line, reference: row.reference, outcome });
    if (outcome === "unchanged") return;
    (outcome === "imported" && !isClaim(write) ? this.creates : this.updates).push(write);
    this.audit.push({
      ...this.origin,
      ...event,
      action: "importRecords",
      after: {
        ...event.after,
        importKind: this.kind,
        council: row.council,
        reference: row.reference,
        line: row.line,
        outcome,
      },
    });
  }

  private adviser(row: AdviserRow): void {
    const { request } = row;
    const councilRegion = this.councilRegion(row);
    let employerRegion: string | null = null;
    if (request.localAuthorityCode !== null) {
      const la = this.state.localAuthorities.get(request.localAuthorityCode);
      if (!la) {
        throw notFound(
          `\`localAuthorityCode\`: no local authority has code ${request.localAuthorityCode}.`,
        );
      }
      employerRegion = la.regionCode;
    }
    let partnershipRegions: string[] = [];
    if (request.partnershipId !== null) {
      const partnership = this.state.partnerships.get(request.partnershipId);
      if (!partnership) {
        throw notFound(`\`partnershipId\`: no partnership has id ${request.partnershipId}.`);
      }
      partnershipRegions = partnership.memberRegionCodes;
    }
    this.authorize(row, {
      regionCodes: regions(councilRegion, employerRegion, ...partnershipRegions),
    });
    const stored = this.state.advisersByKey.get(row.key) ?? null;
    const wanted = {
      name: request.name,
      kind: request.kind,
      organisation: request.organisation,
      laCode: request.localAuthorityCode,
      partnershipId: request.partnershipId,
    };
    const changes = stored ? changedFields(stored, wanted) : [];
    const bound = changes.filter((c) => ["kind", "laCode", "partnershipId"].includes(c.field));
    if (stored && stored.schoolCount > 0 && bound.length > 0) {
      throw conflict(
        `Adviser ${stored.id} advises ${stored.schoolCount} school(s), so its ${bound.map((c) => c.field).join(" and ")} cannot change; unassign its schools first.`,
      );
    }
    const id = stored?.id ?? `svc-${randomUUID()}`;
    const outcome = outcomeOf(stored, changes);
    this.record(
      row,
      outcome,
      { id, importKey: row.key, ...wanted },
      {
        targetType: "Adviser",
        targetId: id,
        urns: [],
        regionCodes: regions(councilRegion, employerRegion, ...partnershipRegions),
        ...sides(stored === null, changes, wanted),
      },
    );
  }

  private assignment(row: AssignmentRow): void {
    const councilRegion = this.councilRegion(row);
    const adviser = this.adviserOf(row);
    const school = this.state.schools.get(row.urn);
    if (!school) throw notFound(`\`urn\`: no open school has URN ${row.urn}.`);
    const regionCodes = regions(councilRegion, school.regionCode);
    this.authorize(row, { regionCodes, urns: [row.urn] });
    const stored = this.state.assignments.get(row.key) ?? null;
    const write: AssignmentWrite = {
      adviserId: adviser.id,
      urn: row.urn,
      kind: adviser.kind,
      importKey: row.key,
      since: row.since,
    };
    const event = { targetType: "Adviser", targetId: adviser.id, urns: [row.urn], regionCodes };
    if (stored) {
      if (stored.adviserId !== adviser.id || stored.urn !== row.urn) {
        throw conflict(
          `Reference ${row.reference} already records adviser ${stored.adviserId} at school ${stored.urn}; a reference cannot move to another adviser or school.`,
        );
      }
      const changes = changedFields(stored, { since: row.since ?? undefined });
      this.record(row, outcomeOf(stored, changes), write, {
        ...event,
        ...sides(false, changes, { urn: row.urn }),
      });
      return;
    }
    const target: AssignmentTarget = {
      urn: school.urn,
      found: true,
      name: school.name,
      regionCode: school.regionCode,
      inCouncil: adviser.laCode !== null && school.laCode === adviser.laCode,
      inPartnership:
        adviser.partnershipId !== null && school.partnershipIds.includes(adviser.partnershipId),
      currentAdviser: null,
    };
    if (outsideEmployer(asAdviserRecord(adviser), [target]).length > 0) {
      throw invalid(
        adviser.kind === "COUNCIL_IMPROVEMENT_OFFICER"
          ? `\`urn\`: a council improvement officer advises only its council's (${adviser.laCode}) schools; not ${row.urn}.`
          : `\`urn\`: a trust school improvement lead advises only its trust's (${adviser.partnershipId}) current members; not ${row.urn}.`,
      );
    }
    const slot = `${row.urn}|${adviser.kind}`;
    const current = this.state.currentAdvisers.get(slot);
    if (current && current.adviserId !== adviser.id) {
      throw conflict(
        `School ${row.urn} (${school.name ?? "unnamed"}) already has a ${kindLabel(adviser.kind)}: ${current.adviserName} (${current.adviserId}). Unassign them first.`,
      );
    }
    if (current && current.importKey !== null) {
      throw conflict(
        `Adviser ${adviser.id} already advises school ${row.urn}, recorded under another reference (${current.importKey}).`,
      );
    }
    // The same adviser assigned one at a time: the row takes the assignment over.
    const claim = current !== undefined;
    this.state.currentAdvisers.set(slot, {
      urn: row.urn,
      kind: adviser.kind,
      adviserId: adviser.id,
      adviserName: adviser.name,
      importKey: row.key,
    });
    this.record(row, "imported", claim ? { ...write, claim } : write, {
      ...event,
      before: null,
      after: { urn: row.urn, since: row.since, claimed: claim },
    });
  }

  private adviserOf(row: AssignmentRow): AdviserState {
    if (row.adviserReference !== null) {
      const adviser = this.state.advisersByKey.get(
        importKey("ADVISERS", row.council, row.adviserReference),
      );
      if (!adviser) {
        throw notFound(
          `\`adviserReference\`: council ${row.council} has imported no adviser with reference ${row.adviserReference}; import it first (kind ADVISERS).`,
        );
      }
      return adviser;
    }
    const adviser = this.state.advisersById.get(row.adviserId ?? "");
    if (!adviser) throw notFound(`\`adviserId\`: no adviser has id ${row.adviserId}.`);
    return adviser;
  }

  private grant(row: GrantRow): void {
    const { request } = row;
    const councilRegion = this.councilRegion(row);
    let recipients: { urn: number; pupils: number | null; regionCode: string | null }[];
    if (request.recipientUrn !== null) {
      const school = this.state.schools.get(request.recipientUrn);
      if (!school) {
        throw notFound(`\`recipientUrn\`: no open school has URN ${request.recipientUrn}.`);
      }
      recipients = [
        {
          urn: school.urn,
          pupils: school.pupils,
          regionCode: school.regionCode,
        },
      ];
    } else {
      const partnership = this.state.partnerships.get(request.recipientPartnershipId ?? "");
      if (!partnership) {
        throw notFound(
          `\`recipientPartnershipId\`: no partnership has id ${request.recipientPartnershipId}.`,
        );
      }
      recipients = partnership.recipients;
    }
    const regionCodes = regions(councilRegion, ...recipients.map((school) => school.regionCode));
    this.authorize(row, { regionCodes });
    const stored = this.state.grants.get(row.key) ?? null;
    const wanted = {
      fund: request.fund,
      fundName: row.fundName,
      amountPence: request.amountPence,
      matchedPence: request.matchedPence,
      matchedBy: request.matchedBy,
      funder: request.funder,
      awardedOn: request.awardedOn,
      startsOn: request.startsOn,
      endsOn: request.endsOn,
      purpose: request.purpose,
    };
    const recipient = {
      recipientUrn: request.recipientUrn,
      recipientPartnershipId: request.recipientPartnershipId,
    };
    if (stored) {
      if (changedFields(stored, recipient).length > 0) {
        throw conflict(
          `Grant ${stored.id} (reference ${row.reference}) went to ${stored.recipientUrn ?? stored.recipientPartnershipId}; a grant's recipient cannot change. Record a new grant with its own reference.`,
        );
      }
    } else if (request.recipientPartnershipId !== null && recipients.length === 0) {
      throw conflict(
        `Partnership ${request.recipientPartnershipId} has no member schools now, so a grant to it would land nowhere.`,
      );
    }
    // A new grant is cut among its recipients now; a corrected one is cut again over the schools
    // and pupil counts it was first cut by, so a correction never moves money to later members.
    const cutOver = stored
      ? stored.shares.map((share) => ({ urn: share.urn, pupils: share.pupils }))
      : recipients.map((school) => ({ urn: school.urn, pupils: school.pupils }));
    const pupilsOf = new Map(cutOver.map((school) => [school.urn, school.pupils]));
    const shares = allocateGrant(request, cutOver).map((share) => ({
      ...share,
      pupils: pupilsOf.get(share.urn) ?? null,
    }));
    const changes = stored ? changedFields(stored, wanted) : [];
    const id = stored?.id ?? `svc-${randomUUID()}`;
    this.record(
      row,
      outcomeOf(stored, changes),
      { id, importKey: row.key, ...wanted, ...recipient, shares },
      {
        targetType: "Grant",
        targetId: id,
        urns: shares.map((share) => share.urn),
        regionCodes,
        ...sides(stored === null, changes, { ...wanted, ...recipient, shares }),
      },
    );
  }

  private engagement(row: EngagementRow): void {
    const { request } = row;
    const councilRegion = this.councilRegion(row);
    const leader = this.state.systemLeaders.get(request.systemLeaderId);
    if (!leader) {
      throw notFound(`\`systemLeaderId\`: no system leader has id ${request.systemLeaderId}.`);
    }
    const school = this.state.schools.get(request.urn);
    if (!school) throw notFound(`\`urn\`: no school has URN ${request.urn}.`);
    const regionCodes = regions(councilRegion, school.regionCode);
    this.authorize(row, {
      regionCodes,
      urns: [request.urn],
      systemLeaderId: request.systemLeaderId,
    });
    const stored = this.state.engagements.get(row.key) ?? null;
    const write: EngagementWrite = {
      id: stored?.id ?? `svc-${randomUUID()}`,
      importKey: row.key,
      systemLeaderId: request.systemLeaderId,
      urn: request.urn,
      focus: request.focus,
      startOn: request.startOn,
    };
    const event = {
      targetType: "SupportEngagement",
      targetId: write.id,
      urns: [request.urn],
      regionCodes,
    };
    if (stored) {
      if (stored.systemLeaderId !== request.systemLeaderId || stored.urn !== request.urn) {
        throw conflict(
          `Reference ${row.reference} already records leader ${stored.systemLeaderId} supporting school ${stored.urn}; a reference cannot move to another leader or school.`,
        );
      }
      const changes = changedFields(stored, {
        focus: request.focus,
        start: request.startOn ?? undefined,
      });
      this.record(row, outcomeOf(stored, changes), write, {
        ...event,
        ...sides(false, changes, {}),
      });
      return;
    }
    if (leader.openUrns.includes(request.urn)) {
      throw conflict(
        `System leader ${request.systemLeaderId} already supports school ${request.urn}.`,
      );
    }
    if (isAtCapacity(leader.openUrns.length, leader.capacity)) {
      throw conflict(
        `System leader ${request.systemLeaderId} is at capacity (${leader.openUrns.length} of ${leader.capacity} open engagements).`,
      );
    }
    leader.openUrns.push(request.urn);
    this.record(row, "imported", write, {
      ...event,
      before: { openEngagements: leader.openUrns.length - 1, capacity: leader.capacity },
      after: { ...write, openEngagements: leader.openUrns.length },
    });
  }
}

function isClaim(write: unknown): boolean {
  return typeof write === "object" && write !== null && "claim" in write;
}

/** before/after of an audit event: the new record, or the changed fields with their old values. */
function sides(
  created: boolean,
  changes: readonly FieldChange[],
  record: object,
): { before: unknown; after: object } {
  if (created) return { before: null, after: record };
  return changeSides(changes);
}

function asAdviserRecord(adviser: AdviserState): AdviserRecord {
  return { ...adviser, createdBy: null, createdAt: null };
}
