import { Neo4jError } from "neo4j-driver";
import type { Database, Row } from "../../db/driver.js";
import { ConflictError } from "../../errors/index.js";
import { ADVISER_KINDS } from "../advisers/adviser.model.js";
import { auditEventOf, type TransactionRun } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import {
  asDate,
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import {
  emptyState,
  importKey,
  type AdviserRow,
  type AdviserState,
  type AssignmentRow,
  type EngagementRow,
  type GrantRow,
  type ImportKind,
  type ImportRow,
  type ImportState,
} from "./import.model.js";
import type { ImportPlan, ImportWrites } from "./import.planner.js";
import type { CypherName } from "../../db/cypher.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";
/** Rows per write statement: large enough to batch, small enough to keep each statement lean. */
const BATCH = 2_000;

function strings(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const text = asString(item);
    return text === null ? [] : [text];
  });
}

function ints(value: unknown): number[] {
  return asList(value).flatMap((item) => {
    const n = asInt(item);
    return n === null ? [] : [n];
  });
}

function nullableInt(value: number | null): ReturnType<typeof cypherInt> | null {
  return value === null ? null : cypherInt(value);
}

function toAdviserState(value: unknown): AdviserState {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "Adviser.id");
  const kind = asMember(ADVISER_KINDS, p["kind"]);
  if (kind === null) throw new Error(`Adviser ${id} has no known kind.`);
  return {
    id,
    importKey: asString(p["importKey"]),
    name: asString(p["name"]) ?? "",
    kind,
    organisation: asString(p["organisation"]) ?? "",
    laCode: asInt(p["laCode"]),
    partnershipId: asString(p["partnershipId"]),
    schoolCount: asInt(p["schoolCount"]) ?? 0,
  };
}

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
        for (const row of await run("imports/findImportedAdvisers", { keys })) {
          const adviser = toAdviserState(row["adviser"]);
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
        for (const row of await run("imports/findImportedGrants", { keys })) {
          const grant = asProperties(row["grant"]) ?? {};
          state.grants.set(requireString(grant["importKey"], "Grant.importKey"), {
            id: requireString(grant["id"], "Grant.id"),
            importKey: requireString(grant["importKey"], "Grant.importKey"),
            fund: asString(grant["fund"]) ?? "",
            fundName: asString(grant["fundName"]) ?? "",
            amountPence: asInt(grant["amountPence"]) ?? 0,
            matchedPence: asInt(grant["matchedPence"]) ?? 0,
            matchedBy: asString(grant["matchedBy"]),
            funder: asString(grant["funder"]) ?? "",
            awardedOn: asDate(grant["awardedOn"]),
            startsOn: asDate(grant["startsOn"]),
            endsOn: asDate(grant["endsOn"]),
            purpose: asString(grant["purpose"]) ?? "",
            recipientUrn: asInt(grant["recipientUrn"]),
            recipientPartnershipId: asString(grant["recipientPartnershipId"]),
            shares: asList(grant["shares"]).map((value) => {
              const share = asProperties(value) ?? {};
              return {
                urn: requireInt(share["urn"], "School.urn"),
                pupils: asNumber(share["pupils"]),
                awardedPence: asInt(share["awardedPence"]) ?? 0,
                matchedPence: asInt(share["matchedPence"]) ?? 0,
              };
            }),
          });
        }
        break;
      case "SUPPORT_ENGAGEMENTS":
        await this.readEngagements(run, rows as readonly EngagementRow[], state, urns, dryRun);
        break;
    }

    for (const row of await run("geography/findLocalAuthoritiesByCodes", {
      codes: [...laCodes].map(cypherInt),
    })) {
      const la = asProperties(row["localAuthority"]) ?? {};
      const code = requireInt(la["code"], "LocalAuthority.code");
      state.localAuthorities.set(code, { code, regionCode: asString(la["regionCode"]) });
    }
    if (urns.size > 0) {
      for (const row of await run("imports/findImportSchools", {
        urns: [...urns].map(cypherInt),
      })) {
        const school = asProperties(row["school"]) ?? {};
        const urn = requireInt(school["urn"], "School.urn");
        state.schools.set(urn, {
          urn,
          name: asString(school["name"]),
          laCode: asInt(school["laCode"]),
          regionCode: asString(school["regionCode"]),
          pupils: asNumber(school["pupils"]),
          partnershipIds: strings(school["partnershipIds"]),
        });
      }
    }
    if (partnershipIds.size > 0) {
      for (const row of await run("imports/findImportPartnerships", { ids: [...partnershipIds] })) {
        const id = requireString(row["id"], "Partnership.id");
        state.partnerships.set(id, {
          id,
          memberRegionCodes: strings(row["memberRegionCodes"]),
          recipients: asList(row["recipients"]).map((value) => {
            const school = asProperties(value) ?? {};
            return {
              urn: requireInt(school["urn"], "School.urn"),
              pupils: asNumber(school["pupils"]),
              regionCode: asString(school["regionCode"]),
            };
          }),
        });
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
    for (const row of await run("imports/findImportedAdvisers", { keys: adviserKeys })) {
      const adviser = toAdviserState(row["adviser"]);
      state.advisersByKey.set(adviser.importKey ?? "", adviser);
      state.advisersById.set(adviser.id, adviser);
    }
    const ids = distinct(rows.map((row) => row.adviserId));
    for (const row of await run("advisers/findAdvisersByIds", { ids })) {
      const adviser = toAdviserState(row["adviser"]);
      state.advisersById.set(adviser.id, adviser);
    }
    const advisers = [...state.advisersById.values()];
    // Assignments of one adviser queue behind each other, as assignAdviser's do.
    if (!dryRun) await run("imports/lockAdvisers", { ids: advisers.map((a) => a.id) });
    for (const row of await run("imports/findImportedAssignments", {
      keys: rows.map((r) => r.key),
    })) {
      state.assignments.set(requireString(row["importKey"], "ADVISES.importKey"), {
        importKey: requireString(row["importKey"], "ADVISES.importKey"),
        adviserId: requireString(row["adviserId"], "Adviser.id"),
        urn: requireInt(row["urn"], "School.urn"),
        since: asDate(row["since"]),
      });
    }
    const kinds = new Set(advisers.map((adviser) => adviser.kind));
    const slots = distinct(rows.flatMap((row) => [...kinds].map((kind) => `${row.urn}|${kind}`)));
    for (const row of await run("imports/findCurrentAdvisers", { slots })) {
      const urn = requireInt(row["urn"], "School.urn");
      const kind = asMember(ADVISER_KINDS, row["kind"]);
      if (kind === null) continue;
      state.currentAdvisers.set(`${urn}|${kind}`, {
        urn,
        kind,
        adviserId: requireString(row["adviserId"], "Adviser.id"),
        adviserName: asString(row["adviserName"]) ?? "",
        importKey: asString(row["importKey"]),
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
    for (const row of await run("imports/findImportSystemLeaders", { ids })) {
      const id = requireString(row["id"], "SystemLeader.id");
      state.systemLeaders.set(id, {
        id,
        capacity: asInt(row["capacity"]) ?? 0,
        openUrns: ints(row["openUrns"]),
      });
    }
    for (const row of await run("imports/findImportedEngagements", {
      keys: rows.map((r) => r.key),
    })) {
      const engagement = asProperties(row["engagement"]) ?? {};
      const key = requireString(engagement["importKey"], "SUPPORTS.importKey");
      state.engagements.set(key, {
        id: requireString(engagement["id"], "SUPPORTS.id"),
        importKey: key,
        systemLeaderId: requireString(engagement["systemLeaderId"], "SystemLeader.id"),
        urn: requireInt(engagement["urn"], "School.urn"),
        start: asDate(engagement["start"]),
        focus: asString(engagement["focus"]),
      });
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
