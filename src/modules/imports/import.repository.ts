import { Neo4jError } from "neo4j-driver";
import { z } from "zod";
import type { Database, Row } from "../../db/driver.js";
import { cell, key, listOf, nodeProperties, or, parseRows } from "../../db/rows.js";
import { ConflictError } from "../../errors/index.js";
import { ADVISER_KINDS } from "../advisers/adviser.model.js";
import { GrantFields } from "../funding/funding.repository.js";
import { auditEventOf, type TransactionRun } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import {
  emptyState,
  importKey,
  type AdviserRow,
  type AdviserState,
  type AssignmentRow,
  type EngagementRow,
  type GrantRow,
  type GrantState,
  type ImportKind,
  type ImportRow,
  type ImportState,
} from "./import.model.js";
import type { ImportPlan, ImportWrites } from "./import.planner.js";
import type { CypherName } from "../../db/cypher.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";
/** Rows per write statement: large enough to batch, small enough to keep each statement lean. */
const BATCH = 2_000;

function nullableInt(value: number | null): ReturnType<typeof cypherInt> | null {
  return value === null ? null : cypherInt(value);
}

/** An Adviser node's properties, with its employer and its number of schools. */
const AdviserStateRow = z.object({
  adviser: nodeProperties({
    id: key.string,
    importKey: cell.string,
    name: cell.string,
    kind: key.member(ADVISER_KINDS),
    organisation: cell.string,
    laCode: cell.int,
    partnershipId: cell.string,
    schoolCount: cell.int,
  }).transform((adviser): AdviserState => ({
    ...adviser,
    name: adviser.name ?? "",
    organisation: adviser.organisation ?? "",
    schoolCount: adviser.schoolCount ?? 0,
  })),
});

/** A Grant node's properties, with the shares it landed as. */
const GrantStateRow = z.object({
  grant: GrantFields.extend({
    importKey: key.string,
    fund: cell.string,
    shares: listOf(
      z.object({
        urn: key.int,
        pupils: cell.number,
        awardedPence: or(cell.int, 0),
        matchedPence: or(cell.int, 0),
      }),
    ),
  }).transform((g): GrantState => ({ ...g, fund: g.fund ?? "" })),
});

const LocalAuthorityStateRow = z.object({
  localAuthority: z.object({ code: key.int, regionCode: cell.string }),
});

const SchoolStateRow = z.object({
  school: z.object({
    urn: key.int,
    name: cell.string,
    laCode: cell.int,
    regionCode: cell.string,
    pupils: cell.number,
    partnershipIds: cell.list(cell.string),
  }),
});

const PartnershipStateRow = z.object({
  id: key.string,
  memberRegionCodes: cell.list(cell.string),
  recipients: listOf(z.object({ urn: key.int, pupils: cell.number, regionCode: cell.string })),
});

const AssignmentStateRow = z.object({
  importKey: key.string,
  adviserId: key.string,
  urn: key.int,
  since: cell.date,
});

const CurrentAdviserRow = z.object({
  urn: key.int,
  kind: cell.member(ADVISER_KINDS),
  adviserId: key.string,
  adviserName: cell.string,
  importKey: cell.string,
});

const SystemLeaderStateRow = z.object({
  id: key.string,
  capacity: cell.int,
  openUrns: cell.list(cell.int),
});

const EngagementStateRow = z.object({
  engagement: z.object({
    id: key.string,
    importKey: key.string,
    systemLeaderId: key.string,
    urn: key.int,
    start: cell.date,
    focus: cell.string,
  }),
});

function distinct<T>(values: Iterable<T | null>): T[] {
  return [...new Set([...values].filter((value): value is T => value !== null))];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * Imports: the graph a file's rows name, read in the transaction that then writes the planned
 * changes and their audit events, so what the plan was made against holds until it commits.
 * A dry run reads the same way and writes nothing, taking no locks.
 */
export class ImportRepository {
  constructor(private readonly db: Database) {}

  /**
   * Reads what `rows` name, hands it to `plan`, and (unless `dryRun`) writes the plan in the
   * same transaction. Everything commits together, or nothing does.
   */
  async importRows(
    kind: ImportKind,
    rows: readonly ImportRow[],
    plan: (state: ImportState) => ImportPlan,
    { dryRun, actorSub }: { dryRun: boolean; actorSub: string },
  ): Promise<ImportPlan> {
    try {
      return await this.db.writeTransaction(async (run) => {
        const state = await this.readState(run, kind, rows, dryRun);
        const planned = plan(state);
        if (!dryRun) await this.write(run, planned, actorSub);
        return planned;
      });
    } catch (error) {
      if (error instanceof Neo4jError && error.code === CONSTRAINT_FAILED) {
        throw new ConflictError(
          "Another write recorded one of these references or assignments at the same time; nothing was written. Import the file again.",
          { argument: "csv" },
        );
      }
      throw error;
    }
  }

  private async readState(
    run: TransactionRun,
    kind: ImportKind,
    rows: readonly ImportRow[],
    dryRun: boolean,
  ): Promise<ImportState> {
    const state = emptyState();
    const laCodes = new Set(rows.map((row) => row.council));
    const urns = new Set<number>();
    const partnershipIds = new Set<string>();
    const keys = rows.map((row) => row.key);
    switch (kind) {
      case "ADVISERS":
        for (const row of rows as readonly AdviserRow[]) {
          if (row.request.localAuthorityCode !== null) laCodes.add(row.request.localAuthorityCode);
          if (row.request.partnershipId !== null) partnershipIds.add(row.request.partnershipId);
        }
        for (const { adviser } of parseRows(
          AdviserStateRow,
          await run("imports/findImportedAdvisers", { keys }),
          "imports/findImportedAdvisers",
        )) {
          state.advisersByKey.set(adviser.importKey ?? "", adviser);
        }
        break;
      case "ADVISER_ASSIGNMENTS":
        await this.readAssignments(run, rows as readonly AssignmentRow[], state, urns, dryRun);
        break;
      case "GRANTS":
        for (const row of rows as readonly GrantRow[]) {
          if (row.request.recipientUrn !== null) urns.add(row.request.recipientUrn);
          if (row.request.recipientPartnershipId !== null) {
            partnershipIds.add(row.request.recipientPartnershipId);
          }
        }
        for (const { grant } of parseRows(
          GrantStateRow,
          await run("imports/findImportedGrants", { keys }),
          "imports/findImportedGrants",
        )) {
          state.grants.set(grant.importKey, grant);
        }
        break;
      case "SUPPORT_ENGAGEMENTS":
        await this.readEngagements(run, rows as readonly EngagementRow[], state, urns, dryRun);
        break;
    }

    for (const { localAuthority } of parseRows(
      LocalAuthorityStateRow,
      await run("geography/findLocalAuthoritiesByCodes", { codes: [...laCodes].map(cypherInt) }),
      "geography/findLocalAuthoritiesByCodes",
    )) {
      state.localAuthorities.set(localAuthority.code, localAuthority);
    }
    if (urns.size > 0) {
      for (const { school } of parseRows(
        SchoolStateRow,
        await run("imports/findImportSchools", { urns: [...urns].map(cypherInt) }),
        "imports/findImportSchools",
      )) {
        state.schools.set(school.urn, school);
      }
    }
    if (partnershipIds.size > 0) {
      for (const partnership of parseRows(
        PartnershipStateRow,
        await run("imports/findImportPartnerships", { ids: [...partnershipIds] }),
        "imports/findImportPartnerships",
      )) {
        state.partnerships.set(partnership.id, partnership);
      }
    }
    return state;
  }

  private async readAssignments(
    run: TransactionRun,
    rows: readonly AssignmentRow[],
    state: ImportState,
    urns: Set<number>,
    dryRun: boolean,
  ): Promise<void> {
    for (const row of rows) urns.add(row.urn);
    const adviserKeys = distinct(
      rows.map((row) =>
        row.adviserReference === null
          ? null
          : importKey("ADVISERS", row.council, row.adviserReference),
      ),
    );
    for (const { adviser } of parseRows(
      AdviserStateRow,
      await run("imports/findImportedAdvisers", { keys: adviserKeys }),
      "imports/findImportedAdvisers",
    )) {
      state.advisersByKey.set(adviser.importKey ?? "", adviser);
      state.advisersById.set(adviser.id, adviser);
    }
    const ids = distinct(rows.map((row) => row.adviserId));
    for (const { adviser } of parseRows(
      AdviserStateRow,
      await run("advisers/findAdvisersByIds", { ids }),
      "advisers/findAdvisersByIds",
    )) {
      state.advisersById.set(adviser.id, adviser);
    }
    const advisers = [...state.advisersById.values()];
    // Assignments of one adviser queue behind each other, as assignAdviser's do.
    if (!dryRun) await run("imports/lockAdvisers", { ids: advisers.map((a) => a.id) });
    for (const assignment of parseRows(
      AssignmentStateRow,
      await run("imports/findImportedAssignments", { keys: rows.map((r) => r.key) }),
      "imports/findImportedAssignments",
    )) {
      state.assignments.set(assignment.importKey, assignment);
    }
    const kinds = new Set(advisers.map((adviser) => adviser.kind));
    const slots = distinct(rows.flatMap((row) => [...kinds].map((kind) => `${row.urn}|${kind}`)));
    for (const { kind, adviserName, ...current } of parseRows(
      CurrentAdviserRow,
      await run("imports/findCurrentAdvisers", { slots }),
      "imports/findCurrentAdvisers",
    )) {
      if (kind === null) continue;
      state.currentAdvisers.set(`${current.urn}|${kind}`, {
        ...current,
        kind,
        adviserName: adviserName ?? "",
      });
    }
  }

  private async readEngagements(
    run: TransactionRun,
    rows: readonly EngagementRow[],
    state: ImportState,
    urns: Set<number>,
    dryRun: boolean,
  ): Promise<void> {
    for (const row of rows) urns.add(row.request.urn);
    const ids = distinct(rows.map((row) => row.request.systemLeaderId));
    // Engagements of one leader queue behind each other, so its capacity holds until commit.
    if (!dryRun) await run("imports/lockSystemLeaders", { ids });
    for (const { capacity, ...leader } of parseRows(
      SystemLeaderStateRow,
      await run("imports/findImportSystemLeaders", { ids }),
      "imports/findImportSystemLeaders",
    )) {
      state.systemLeaders.set(leader.id, { ...leader, capacity: capacity ?? 0 });
    }
    for (const { engagement } of parseRows(
      EngagementStateRow,
      await run("imports/findImportedEngagements", { keys: rows.map((r) => r.key) }),
      "imports/findImportedEngagements",
    )) {
      state.engagements.set(engagement.importKey, engagement);
    }
  }

  private async write(run: TransactionRun, plan: ImportPlan, actor: string): Promise<void> {
    const writes: ImportWrites = plan.writes;
    const each = async (name: CypherName, param: string, items: Row[], by: string) => {
      for (const batch of chunks(items)) await run(name, { [param]: batch, [by]: actor });
    };
    switch (writes.kind) {
      case "ADVISERS": {
        const params = (list: typeof writes.creates) =>
          list.map((a) => ({ ...a, laCode: nullableInt(a.laCode) }));
        await each("imports/createAdvisers", "advisers", params(writes.creates), "createdBy");
        await each("imports/updateAdvisers", "advisers", params(writes.updates), "updatedBy");
        break;
      }
      case "ADVISER_ASSIGNMENTS": {
        const params = (list: typeof writes.creates) =>
          list.map((a) => ({
            adviserId: a.adviserId,
            urn: cypherInt(a.urn),
            kind: a.kind,
            importKey: a.importKey,
            since: a.since,
          }));
        await each(
          "imports/createAssignments",
          "assignments",
          params(writes.creates),
          "assignedBy",
        );
        await each("imports/updateAssignments", "assignments", params(writes.updates), "updatedBy");
        break;
      }
      case "GRANTS": {
        const params = (list: typeof writes.creates) =>
          list.map((g) => ({
            id: g.id,
            grant: {
              id: g.id,
              importKey: g.importKey,
              fund: g.fund,
              fundName: g.fundName,
              amountPence: cypherInt(g.amountPence),
              matchedPence: cypherInt(g.matchedPence),
              matchedBy: g.matchedBy,
              funder: g.funder,
              purpose: g.purpose,
            },
            awardedOn: g.awardedOn,
            startsOn: g.startsOn,
            endsOn: g.endsOn,
            recipientUrn: nullableInt(g.recipientUrn),
            recipientPartnershipId: g.recipientPartnershipId,
            shares: g.shares.map((share) => ({
              urn: cypherInt(share.urn),
              awardedPence: cypherInt(share.awardedPence),
              matchedPence: cypherInt(share.matchedPence),
              pupils: share.pupils === null ? null : cypherInt(Math.round(share.pupils)),
            })),
          }));
        await each("imports/createGrants", "grants", params(writes.creates), "createdBy");
        await each("imports/updateGrants", "grants", params(writes.updates), "updatedBy");
        break;
      }
      case "SUPPORT_ENGAGEMENTS": {
        const params = (list: typeof writes.creates) =>
          list.map((e) => ({ ...e, urn: cypherInt(e.urn) }));
        await each("imports/createEngagements", "engagements", params(writes.creates), "createdBy");
        await each("imports/updateEngagements", "engagements", params(writes.updates), "updatedBy");
        break;
      }
    }
    for (const batch of chunks(plan.audit.map(auditEventOf))) {
      await run("imports/recordAuditEvents", { events: batch });
    }
  }
}
