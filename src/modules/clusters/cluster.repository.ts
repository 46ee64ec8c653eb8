import type { Database } from "../../db/driver.js";
import { recordAudit } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import {
  asBoolean,
  asInt,
  asList,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import { toSchool } from "../schools/school.repository.js";
import type { WriteOrigin } from "../proposals/proposal.repository.js";
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import type {
  AdoptedClustersRecord,
  AdoptionPlan,
  AdoptionSchoolState,
  BoardRecord,
  ClusterCandidates,
  ClusterDataVersion,
  ClusterLinks,
} from "./cluster.model.js";

export class ClusterRepository {
  constructor(private readonly db: Database) {}

  // findClusterCandidates
  async candidates(laCode: number): Promise<ClusterCandidates | null> {
    const [row] = await this.db.read("clusters/findClusterCandidates", {
      laCode: cypherInt(laCode),
    });
    if (!row) return null;
    return {
      localAuthority: toLocalAuthority(row["localAuthority"], laCode),
      schools: asList(row["schools"]).map((value) => {
        const entry = asProperties(value) ?? {};
        return { school: toSchool(entry["school"]), needBand: asInt(entry["needBand"]) };
      }),
    };
  }

  // findClusterDataVersion
  async dataVersion(laCode: number): Promise<ClusterDataVersion | null> {
    const [row] = await this.db.read("clusters/findClusterDataVersion", {
      laCode: cypherInt(laCode),
    });
    if (!row) return null;
    return {
      localAuthorityName: asString(row["localAuthorityName"]),
      regionCode: asString(row["regionCode"]),
      sourcesLoadedAt: asString(row["sourcesLoadedAt"]),
      needComputedAt: asString(row["needComputedAt"]),
      schools: asInt(row["schools"]) ?? 0,
      candidates: asInt(row["candidates"]) ?? 0,
      located: asInt(row["located"]) ?? 0,
      detailsAsOf: asString(row["detailsAsOf"]),
      offerUpdatedAt: asString(row["offerUpdatedAt"]),
    };
  }

  /** The LA with its region, read with the geography statement. */
  async localAuthority(code: number): Promise<LocalAuthorityRecord | null> {
    const [row] = await this.db.read("geography/findLocalAuthoritiesByCodes", {
      codes: [cypherInt(code)],
    });
    return row ? toLocalAuthority(row["localAuthority"], code) : null;
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
        rows.map((row) => {
          const urn = requireInt(row["urn"], "Establishment.urn");
          const state: AdoptionSchoolState = {
            urn,
            name: asString(row["name"]) ?? String(urn),
            laCode: asInt(row["laCode"]),
            open: asBoolean(row["open"]) ?? false,
            clusterIds: asList(row["clusterIds"]).flatMap((id) => asString(id) ?? []),
          };
          return [urn, state];
        }),
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
        created.map((row) => [requireString(row["id"], "Partnership.id"), asInt(row["members"])]),
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
      rows.map((row) => [
        requireString(row["id"], "Partnership.id"),
        {
          overseenById: asString(asList(row["overseenBy"])[0]),
          overseesIds: asList(row["oversees"]).flatMap((id) => asString(id) ?? []),
        },
      ]),
    );
  }

  // findBoardsByPartnershipIds
  async findBoards(ids: readonly string[]): Promise<Map<string, BoardRecord>> {
    const rows = await this.db.read("clusters/findBoardsByPartnershipIds", { ids });
    return new Map(
      rows.map((row) => {
        const chair = asProperties(asList(row["chairs"])[0]);
        const board: BoardRecord = {
          chair:
            chair === null
              ? null
              : {
                  name: asString(chair["name"]) ?? "",
                  organisation: asString(chair["organisation"]),
                },
          members: asList(row["members"]).map((value) => {
            const member = asProperties(value) ?? {};
            return {
              name: asString(member["name"]) ?? "",
              role: asString(member["role"]),
              organisation: asString(member["organisation"]),
              urn: asInt(member["urn"]),
            };
          }),
          advisingCouncilCode: asInt(asList(row["councilCodes"])[0]),
        };
        return [requireString(row["id"], "Partnership.id"), board];
      }),
    );
  }
}

function toLocalAuthority(value: unknown, code: number): LocalAuthorityRecord {
  const la = asProperties(value) ?? {};
  return {
    code: requireInt(la["code"], "LocalAuthority.code"),
    name: asString(la["name"]) ?? String(code),
    gssCode: asString(la["gssCode"]),
    regionCode: asString(la["regionCode"]),
  };
}
