import { randomUUID } from "node:crypto";
import { Neo4jError } from "neo4j-driver";
import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, optionalNode, parseRow, parseRows } from "../../db/rows.js";
import { ConflictError, NotFoundError } from "../../errors/index.js";
import { checkTargetsFound, kindLabel, schoolsToAssign } from "./adviser.rules.js";
import { recordAudit } from "../audit/audit.writer.js";
import type { NameKey } from "../common/pagination.js";
import { cypherInt } from "../common/params.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { toSchool } from "../schools/school.repository.js";
import {
  ADVISER_KINDS,
  type AdviserRecord,
  type AssignAdviserRequest,
  type AssignmentTarget,
  type BandCount,
  type EmployerLookup,
  type NeedKey,
  type RegisterAdviserRequest,
  type UnassignAdviserRequest,
} from "./adviser.model.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

/** An Adviser node's properties, with `partnershipId` and `schoolCount`. */
export const AdviserNode = node(
  z
    .object({
      id: key.string,
      name: key.string,
      kind: key.member(ADVISER_KINDS),
      organisation: cell.string,
      laCode: cell.int,
      partnershipId: cell.string,
      createdBy: cell.string,
      createdAt: cell.string,
      schoolCount: cell.int,
    })
    .transform((adviser): AdviserRecord => ({
      ...adviser,
      organisation: adviser.organisation ?? "",
      schoolCount: adviser.schoolCount ?? 0,
    })),
);

/** A school map or node, read by the schools module. */
const SchoolCell = node(z.unknown()).transform((value) => toSchool(value));

const AdviserRow = z.object({ adviser: AdviserNode });

const EmployerRow = z.object({
  localAuthority: optionalNode(
    z
      .object({ code: key.int, name: cell.string, regionCode: cell.string })
      .transform((la) => ({ ...la, name: la.name ?? "" })),
  ),
  partnership: optionalNode(
    z
      .object({ id: key.string, name: cell.string, memberRegionCodes: cell.list(cell.string) })
      .transform((partnership) => ({ ...partnership, name: partnership.name ?? "" })),
  ),
}) satisfies z.ZodType<EmployerLookup>;

const AssignmentTargetRow = z
  .object({
    urn: key.int,
    found: cell.boolean,
    name: cell.string,
    regionCode: cell.string,
    inCouncil: cell.boolean,
    inPartnership: cell.boolean,
    currentAdviser: optionalNode(
      z
        .object({ id: key.string, name: cell.string })
        .transform(({ id, name }) => ({ id, name: name ?? "" })),
    ),
  })
  .transform((target): AssignmentTarget => ({
    ...target,
    found: target.found === true,
    inCouncil: target.inCouncil === true,
    inPartnership: target.inPartnership === true,
  }));

const AssignmentRow = z.object({
  regionCode: cell.string,
  assignment: cell.map(z.object({ since: cell.date })),
});

const SchoolAdviserRow = z.object({ urn: key.int, adviser: AdviserNode, since: cell.date });

const AdviserSchoolsRow = z.object({ i: key.int, total: cell.int, schools: listOf(SchoolCell) });

const BandCountRow = z
  .object({ band: cell.int, schools: cell.int, advised: cell.int })
  .transform((row): BandCount => ({
    ...row,
    schools: row.schools ?? 0,
    advised: row.advised ?? 0,
  }));

const UnadvisedSchoolRow = z.object({
  school: SchoolCell,
  bandRank: cell.int,
  needPoints: cell.int,
});

/** A school with the date its adviser started, as School.advisers lists them. */
export interface SchoolAdviser {
  adviser: AdviserRecord;
  since: string | null;
}

/** One page of an adviser's schools wanted: up to `first` after a (name, urn) position. */
export interface AdviserSchoolsKey {
  adviserId: string;
  first: number;
  after: NameKey | null;
}

export interface AdviserSchoolsSlice {
  schools: SchoolRecord[];
  total: number;
}

/**
 * Advisers and their assignments. Each write is one transaction with its audit event; an
 * assignment first takes the adviser's write lock, and the ADVISES key constraint keeps a
 * school to one adviser of each kind even when two advisers are assigned to it at once.
 * `authorizeRegions` is handed the regions concerned inside the transaction, before any write.
 */
export class AdviserRepository {
  constructor(private readonly db: Database) {}

  async register(
    request: RegisterAdviserRequest,
    origin: WriteOrigin,
    authorizeRegions: (regionCodes: string[]) => void,
  ): Promise<AdviserRecord> {
    return this.db.writeTransaction(async (run) => {
      const [row] = await run("advisers/findEmployer", {
        laCode: request.localAuthorityCode === null ? null : cypherInt(request.localAuthorityCode),
        partnershipId: request.partnershipId,
      });
      const employer = parseRow(EmployerRow, row ?? {}, "advisers/findEmployer");
      if (request.localAuthorityCode !== null && employer.localAuthority === null) {
        throw new NotFoundError(
          `No local authority has code ${request.localAuthorityCode}.`,
          "input.localAuthorityCode",
        );
      }
      if (request.partnershipId !== null && employer.partnership === null) {
        throw new NotFoundError(
          `No partnership has id ${request.partnershipId}.`,
          "input.partnershipId",
        );
      }
      const regionCodes = [
        ...(employer.localAuthority?.regionCode ? [employer.localAuthority.regionCode] : []),
        ...(employer.partnership?.memberRegionCodes ?? []),
      ];
      authorizeRegions(regionCodes);
      const id = `svc-${randomUUID()}`;
      const [created] = await run("advisers/createAdviser", {
        id,
        name: request.name,
        kind: request.kind,
        organisation: request.organisation,
        laCode: request.localAuthorityCode === null ? null : cypherInt(request.localAuthorityCode),
        partnershipId: request.partnershipId,
        createdBy: origin.actor.sub,
      });
      const { adviser } = parseRow(AdviserRow, created ?? {}, "advisers/createAdviser");
      await recordAudit(run, {
        ...origin,
        action: "registerAdviser",
        targetType: "Adviser",
        targetId: id,
        urns: [],
        regionCodes,
        before: null,
        after: adviser,
      });
      return adviser;
    });
  }

  /**
   * Assigns the adviser to every school, or to none: an unknown school, or a school that has
   * another adviser of the same kind, fails the whole request. Schools the adviser already
   * advises are left as they are.
   */
  async assign(
    request: AssignAdviserRequest,
    origin: WriteOrigin,
    authorizeRegions: (regionCodes: string[]) => void,
  ): Promise<AdviserRecord> {
    return this.db.writeTransaction(async (run) => {
      const [locked] = await run("advisers/lockAdviser", { id: request.adviserId });
      if (!locked) {
        throw new NotFoundError(`No adviser has id ${request.adviserId}.`, "input.adviserId");
      }
      const { adviser } = parseRow(AdviserRow, locked, "advisers/lockAdviser");
      const targets = parseRows(
        AssignmentTargetRow,
        await run("advisers/findAssignmentTargets", {
          urns: request.urns.map(cypherInt),
          kind: adviser.kind,
          laCode: adviser.laCode === null ? null : cypherInt(adviser.laCode),
          partnershipId: adviser.partnershipId,
        }),
        "advisers/findAssignmentTargets",
      );
      checkTargetsFound(targets);
      authorizeRegions(distinctRegions(targets));
      const fresh = schoolsToAssign(adviser, targets);
      if (fresh.length > 0) {
        try {
          await run("advisers/createAssignments", {
            id: adviser.id,
            kind: adviser.kind,
            urns: fresh.map(cypherInt),
            since: request.since,
            assignedBy: origin.actor.sub,
          });
        } catch (error) {
          if (error instanceof Neo4jError && error.code === CONSTRAINT_FAILED) {
            throw new ConflictError(
              `Another ${kindLabel(adviser.kind)} was assigned to one of these schools at the same time; nothing was written.`,
              { argument: "input.urns" },
            );
          }
          throw error;
        }
      }
      const after = { ...adviser, schoolCount: adviser.schoolCount + fresh.length };
      await recordAudit(run, {
        ...origin,
        action: "assignAdviser",
        targetType: "Adviser",
        targetId: adviser.id,
        urns: fresh,
        regionCodes: distinctRegions(targets),
        before: { schoolCount: adviser.schoolCount },
        after: {
          schoolCount: after.schoolCount,
          assigned: fresh,
          alreadyAdvised: request.urns.filter((urn) => !fresh.includes(urn)),
          since: request.since,
        },
      });
      return after;
    });
  }

  async unassign(
    request: UnassignAdviserRequest,
    origin: WriteOrigin,
    authorizeRegions: (regionCodes: string[]) => void,
  ): Promise<AdviserRecord> {
    return this.db.writeTransaction(async (run) => {
      const params = { id: request.adviserId, urn: cypherInt(request.urn) };
      const [locked] = await run("advisers/lockAdviser", { id: request.adviserId });
      if (!locked) {
        throw new NotFoundError(`No adviser has id ${request.adviserId}.`, "input.adviserId");
      }
      const { adviser } = parseRow(AdviserRow, locked, "advisers/lockAdviser");
      const [row] = await run("advisers/findAssignment", params);
      if (!row) {
        throw new NotFoundError(
          `Adviser ${request.adviserId} does not advise school ${request.urn}.`,
          "input.urn",
        );
      }
      const found = parseRow(AssignmentRow, row, "advisers/findAssignment");
      const regionCodes = found.regionCode === null ? [] : [found.regionCode];
      authorizeRegions(regionCodes);
      await run("advisers/deleteAssignment", params);
      await recordAudit(run, {
        ...origin,
        action: "unassignAdviser",
        targetType: "Adviser",
        targetId: adviser.id,
        urns: [request.urn],
        regionCodes,
        before: { urn: request.urn, since: found.assignment?.since ?? null },
        after: null,
      });
      return { ...adviser, schoolCount: Math.max(0, adviser.schoolCount - 1) };
    });
  }

  // findAdvisersByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, AdviserRecord>> {
    const rows = await this.db.read("advisers/findAdvisersByIds", { ids });
    return new Map(
      parseRows(AdviserRow, rows, "advisers/findAdvisersByIds").map(({ adviser }) => [
        adviser.id,
        adviser,
      ]),
    );
  }

  // findAdvisersBySchoolUrns
  async findBySchoolUrns(urns: readonly number[]): Promise<Map<number, SchoolAdviser[]>> {
    const rows = await this.db.read("advisers/findAdvisersBySchoolUrns", {
      urns: urns.map(cypherInt),
    });
    const found = new Map<number, SchoolAdviser[]>();
    for (const { urn, adviser, since } of parseRows(
      SchoolAdviserRow,
      rows,
      "advisers/findAdvisersBySchoolUrns",
    )) {
      const list = found.get(urn) ?? [];
      list.push({ adviser, since });
      found.set(urn, list);
    }
    return found;
  }

  /** One slice per key, in key order: up to `first + 1` schools after the key's position. */
  async findSchools(keys: readonly AdviserSchoolsKey[]): Promise<AdviserSchoolsSlice[]> {
    const rows = await this.db.read("advisers/findSchoolsByAdviserIds", {
      keys: keys.map((key) => ({
        adviserId: key.adviserId,
        limit: cypherInt(key.first + 1),
        afterName: key.after?.name ?? null,
        afterUrn: key.after === null ? null : cypherInt(key.after.urn),
      })),
    });
    const slices: AdviserSchoolsSlice[] = keys.map(() => ({ schools: [], total: 0 }));
    for (const row of parseRows(AdviserSchoolsRow, rows, "advisers/findSchoolsByAdviserIds")) {
      slices[row.i] = { total: row.total ?? 0, schools: row.schools };
    }
    return slices;
  }

  // countCoverage
  async coverage(laCode: number | null, kind: string | null): Promise<BandCount[]> {
    const rows = await this.db.read("advisers/countCoverage", {
      laCode: laCode === null ? null : cypherInt(laCode),
      kind,
    });
    return parseRows(BandCountRow, rows, "advisers/countCoverage");
  }

  // listUnadvisedSchools
  async unadvised(params: {
    laCode: number | null;
    kind: string | null;
    after: NeedKey | null;
    limit: number;
  }): Promise<{ school: SchoolRecord; key: NeedKey }[]> {
    const rows = await this.db.read("advisers/listUnadvisedSchools", {
      laCode: params.laCode === null ? null : cypherInt(params.laCode),
      kind: params.kind,
      afterBandRank: params.after === null ? null : cypherInt(params.after.bandRank),
      afterNeedPoints: params.after === null ? null : cypherInt(params.after.needPoints),
      afterUrn: params.after === null ? null : cypherInt(params.after.urn),
      limit: cypherInt(params.limit),
    });
    return parseRows(UnadvisedSchoolRow, rows, "advisers/listUnadvisedSchools").map((row) => ({
      school: row.school,
      key: {
        bandRank: row.bandRank ?? 5,
        needPoints: row.needPoints ?? 0,
        urn: row.school.urn,
      },
    }));
  }
}

/**
 * URNs an employed adviser may not take on: a council officer serves its own council's schools
 * and a trust lead its own trust's, so oversight of one region cannot hand another region's
 * council or trust staff a caseload outside their employer. A SIP is commissioned, so any school.
 */
function distinctRegions(targets: readonly AssignmentTarget[]): string[] {
  return [...new Set(targets.flatMap((target) => (target.regionCode ? [target.regionCode] : [])))];
}
