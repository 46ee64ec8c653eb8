import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows } from "../../db/rows.js";
import { recordAudit } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import { toSchool } from "../schools/school.repository.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import type {
  AdoptedClustersRecord,
  AdoptionPlan,
  AdoptionSchoolState,
  BoardRecord,
  ClusterCandidates,
  ClusterLinks,
} from "./cluster.model.js";

/** The first entry of a list read as `item`: what an empty or missing list's absent entry reads as. */
function first<T extends z.ZodType>(item: T) {
  return listOf(z.unknown())
    .transform((values) => values[0])
    .pipe(item);
}

/** An LA's properties; its name falls back to the code asked for (see `named`). */
const LocalAuthorityNode = node(
  z.object({ code: key.int, name: cell.string, gssCode: cell.string, regionCode: cell.string }),
);

/** A school map or node, read by the schools module. */
const SchoolCell = node(z.unknown()).transform((value) => toSchool(value));

const CandidatesRow = z.object({
  localAuthority: LocalAuthorityNode,
  schools: listOf(node(z.object({ school: SchoolCell, needBand: cell.int }))),
});

const LocalAuthorityRow = z.object({ localAuthority: LocalAuthorityNode });

const AdoptionSchoolRow = z
  .object({
    urn: key.int,
    name: cell.string,
    laCode: cell.int,
    open: cell.boolean,
    clusterIds: cell.list(cell.string),
  })
  .transform((school): AdoptionSchoolState => ({
    ...school,
    name: school.name ?? String(school.urn),
    open: school.open ?? false,
  }));

const CreatedClusterRow = z.object({ id: key.string, members: cell.int });

const LinksRow = z.object({
  id: key.string,
  overseenBy: first(cell.string),
  oversees: cell.list(cell.string),
});

const BoardRow = z.object({
  id: key.string,
  chairs: first(
    cell.map(
      z
        .object({ name: cell.string, organisation: cell.string })
        .transform((chair) => ({ ...chair, name: chair.name ?? "" })),
    ),
  ),
  members: listOf(
    node(
      z
        .object({ name: cell.string, role: cell.string, organisation: cell.string, urn: cell.int })
        .transform((member) => ({ ...member, name: member.name ?? "" })),
    ),
  ),
  councilCodes: first(cell.int),
});

export class ClusterRepository {
  constructor(private readonly db: Database) {}

  // findClusterCandidates
  async candidates(laCode: number): Promise<ClusterCandidates | null> {
    const [row] = await this.db.read("clusters/findClusterCandidates", {
      laCode: cypherInt(laCode),
    });
    if (!row) return null;
    const candidates = parseRow(CandidatesRow, row, "clusters/findClusterCandidates");
    return { ...candidates, localAuthority: named(candidates.localAuthority, laCode) };
  }

  /** The LA with its region, read with the geography statement. */
  async localAuthority(code: number): Promise<LocalAuthorityRecord | null> {
    const [row] = await this.db.read("geography/findLocalAuthoritiesByCodes", {
      codes: [cypherInt(code)],
    });
    if (!row) return null;
    const { localAuthority } = parseRow(
      LocalAuthorityRow,
      row,
      "geography/findLocalAuthoritiesByCodes",
    );
    return named(localAuthority, code);
  }

  /**
   * One write transaction: locks the LA (adoptions in one LA queue), reads the state of every
   * school named and hands it to `check` (which throws to refuse, rolling back), then creates the
   * board and its clusters and records the audit event.
   */
  async adopt(
    plan: AdoptionPlan,
    urns: readonly number[],
    check: (schools: Map<number, AdoptionSchoolState>) => void,
    origin: WriteOrigin,
  ): Promise<AdoptedClustersRecord> {
    return this.db.writeTransaction(async (run) => {
      const laCode = cypherInt(plan.localAuthorityCode);
      await run("clusters/lockLocalAuthorityClusters", { laCode });
      const rows = await run("clusters/findAdoptionSchools", { urns: urns.map(cypherInt) });
      const schools = new Map(
        parseRows(AdoptionSchoolRow, rows, "clusters/findAdoptionSchools").map((school) => [
          school.urn,
          school,
        ]),
      );
      check(schools);

      const createdBy = origin.actor.sub;
      const boards = await run("clusters/createBoard", {
        laCode,
        createdBy,
        board: {
          ...plan.board,
          members: plan.board.members.map((member) => ({
            ...member,
            urn: member.urn === null ? null : cypherInt(member.urn),
          })),
        },
      });
      const created = await run("clusters/createClusters", {
        boardId: plan.board.id,
        createdBy,
        clusters: plan.clusters.map((cluster) => ({
          ...cluster,
          urns: cluster.urns.map(cypherInt),
        })),
      });
      const memberCounts = new Map(
        parseRows(CreatedClusterRow, created, "clusters/createClusters").map((row) => [
          row.id,
          row.members,
        ]),
      );
      // The statements MATCH the LA, the collaboration models and the schools, and make nothing
      // when one is missing; throwing rolls back instead of committing an audited half-adoption.
      const short = plan.clusters.find(
        (cluster) => memberCounts.get(cluster.id) !== cluster.urns.length,
      );
      if (boards.length !== 1 || short !== undefined) {
        throw new Error(
          `adoptClusters wrote ${boards.length} boards and ${short === undefined ? "every cluster" : `${memberCounts.get(short.id) ?? 0} of ${short.urns.length} members of ${short.id}`}; rolled back`,
        );
      }
      const auditEventId = await recordAudit(run, {
        ...origin,
        action: "adoptClusters",
        targetType: "Partnership",
        targetId: plan.board.id,
        urns: plan.clusters.flatMap((cluster) => cluster.urns),
        regionCodes: plan.regionCode === null ? [] : [plan.regionCode],
        before: null,
        after: {
          localAuthorityCode: plan.localAuthorityCode,
          board: {
            id: plan.board.id,
            name: plan.board.name,
            chair: plan.board.chair,
            members: plan.board.members,
          },
          clusters: plan.clusters.map((cluster) => ({
            ...cluster,
            members: cluster.urns.length,
          })),
        },
      });
      return {
        boardId: plan.board.id,
        clusterIds: plan.clusters.map((cluster) => cluster.id),
        auditEventId,
      };
    });
  }

  // findClusterLinksByPartnershipIds
  async findLinks(ids: readonly string[]): Promise<Map<string, ClusterLinks>> {
    const rows = await this.db.read("clusters/findClusterLinksByPartnershipIds", { ids });
    return new Map(
      parseRows(LinksRow, rows, "clusters/findClusterLinksByPartnershipIds").map((row) => [
        row.id,
        { overseenById: row.overseenBy, overseesIds: row.oversees },
      ]),
    );
  }

  // findBoardsByPartnershipIds
  async findBoards(ids: readonly string[]): Promise<Map<string, BoardRecord>> {
    const rows = await this.db.read("clusters/findBoardsByPartnershipIds", { ids });
    return new Map(
      parseRows(BoardRow, rows, "clusters/findBoardsByPartnershipIds").map((row) => {
        const board: BoardRecord = {
          chair: row.chairs,
          members: row.members,
          advisingCouncilCode: row.councilCodes,
        };
        return [row.id, board];
      }),
    );
  }
}

/** The LA as a record, named by the code asked for when it has no name. */
function named(la: z.output<typeof LocalAuthorityNode>, code: number): LocalAuthorityRecord {
  return { ...la, name: la.name ?? String(code) };
}
