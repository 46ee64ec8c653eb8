import { z } from "zod";
import type { Database, Row } from "../../db/driver.js";
import { cell, key, listOf, node, optionalNode, parseRows } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { PHASES } from "../schools/school.model.js";
import {
  DESIGNATIONS,
  SPECIALISMS,
  type DesignatedPersonRecord,
  type SupportEngagementRecord,
  type SystemLeaderRecord,
} from "./system-leader.model.js";

/** Filters and position of one page of system leaders. */
export interface SystemLeaderListParams {
  regionCode: string | null;
  designation: string | null;
  /** Lower case; matched against the leader's name and its base school's name, town and LA. */
  nameContains: string | null;
  afterName: string | null;
  afterId: string | null;
  limit: number;
}

const DesignatedPersonNode = z
  .object({ id: key.string, name: cell.string, synthetic: cell.boolean })
  .transform(({ id, name, synthetic }): DesignatedPersonRecord => ({
    id,
    name: name ?? id,
    synthetic: synthetic ?? false,
  }));

const Designated = z.object({ designation: z.enum(DESIGNATIONS) });

/**
 * A SystemLeader node's properties, with `holder` and `openEngagements`. A leader with no known
 * designation reads as null (and is left out); one with a designation must have its id.
 */
export const SystemLeaderNode = z.preprocess(
  (value) => (Designated.safeParse(value).success ? value : null),
  z
    .object({
      id: key.string,
      designation: z.enum(DESIGNATIONS),
      name: cell.string,
      phase: cell.member(PHASES),
      specialisms: cell.list(cell.member(SPECIALISMS)),
      capacity: cell.int,
      openEngagements: cell.int,
      synthetic: cell.boolean,
      generator: cell.string,
      generatorVersion: cell.int,
      generatorSeed: cell.int,
      baseUrn: cell.int,
      holder: optionalNode(DesignatedPersonNode),
      location: cell.map(
        z
          .object({ latitude: cell.number, longitude: cell.number })
          .transform(({ latitude, longitude }) =>
            latitude === null || longitude === null ? null : { latitude, longitude },
          ),
      ),
      regionCode: cell.string,
      laCode: cell.int,
      source: cell.string,
    })
    .transform((p): SystemLeaderRecord => ({
      id: p.id,
      designation: p.designation,
      name: p.name ?? p.id,
      phase: p.phase,
      specialisms: p.specialisms,
      capacity: p.capacity ?? 0,
      openEngagements: p.openEngagements ?? 0,
      synthetic: p.synthetic ?? false,
      generator:
        p.generator === null
          ? null
          : {
              name: p.generator,
              version: p.generatorVersion ?? 0,
              seed: p.generatorSeed ?? 0,
            },
      baseUrn: p.baseUrn,
      holder: p.holder,
      location: p.location,
      regionCode: p.regionCode,
      laCode: p.laCode,
      sourceId: p.source,
    }))
    .nullable(),
);

/** Leaders with a known designation; the others are left out. */
const SystemLeaderList = listOf(SystemLeaderNode).transform((leaders) =>
  leaders.filter((leader) => leader !== null),
);

/** A SUPPORTS relationship's properties, with its leader, school and whether it is open. */
export const SupportEngagementNode = node(
  z
    .object({
      id: key.string,
      systemLeaderId: key.string,
      urn: key.int,
      listedForUrn: cell.int,
      regionCode: cell.string,
      start: cell.date,
      end: cell.date,
      focus: cell.string,
      outcome: cell.string,
      open: cell.boolean,
    })
    .transform((engagement): SupportEngagementRecord => ({
      ...engagement,
      open: engagement.open === true,
    })),
);

const LeaderRow = z.object({ leader: SystemLeaderNode });
const CountRow = z.object({ total: cell.int });
const SchoolLeadersRow = z.object({ urn: key.int, leaders: SystemLeaderList });
const LeaderEngagementsRow = z.object({
  id: key.string,
  engagements: listOf(SupportEngagementNode),
});
const SchoolEngagementsRow = z.object({ urn: key.int, engagements: listOf(SupportEngagementNode) });

export class SystemLeaderRepository {
  constructor(private readonly db: Database) {}

  // findSystemLeadersByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, SystemLeaderRecord>> {
    const rows = await this.db.read("system-leaders/findSystemLeadersByIds", { ids });
    return new Map(
      leadersIn(rows, "system-leaders/findSystemLeadersByIds").map((leader) => [leader.id, leader]),
    );
  }

  // listSystemLeaders
  async list(params: SystemLeaderListParams): Promise<SystemLeaderRecord[]> {
    const rows = await this.db.read("system-leaders/listSystemLeaders", {
      ...params,
      limit: cypherInt(params.limit),
    });
    return leadersIn(rows, "system-leaders/listSystemLeaders");
  }

  // countSystemLeaders
  async count(
    params: Pick<SystemLeaderListParams, "regionCode" | "designation" | "nameContains">,
  ): Promise<number> {
    const rows = await this.db.read("system-leaders/countSystemLeaders", params);
    const [row] = parseRows(CountRow, rows, "system-leaders/countSystemLeaders");
    return row?.total ?? 0;
  }

  // findSystemLeadersByBaseUrns
  async findByBaseUrns(urns: readonly number[]): Promise<Map<number, SystemLeaderRecord[]>> {
    const rows = await this.db.read("system-leaders/findSystemLeadersByBaseUrns", { urns });
    return new Map(
      parseRows(SchoolLeadersRow, rows, "system-leaders/findSystemLeadersByBaseUrns").map((row) => [
        row.urn,
        row.leaders,
      ]),
    );
  }

  // findEngagementsBySystemLeaderIds
  async findEngagementsByLeaderIds(
    ids: readonly string[],
  ): Promise<Map<string, SupportEngagementRecord[]>> {
    const rows = await this.db.read("system-leaders/findEngagementsBySystemLeaderIds", { ids });
    return new Map(
      parseRows(LeaderEngagementsRow, rows, "system-leaders/findEngagementsBySystemLeaderIds").map(
        (row) => [row.id, row.engagements],
      ),
    );
  }

  // findEngagementsBySchoolUrns
  async findEngagementsBySchoolUrns(
    urns: readonly number[],
  ): Promise<Map<number, SupportEngagementRecord[]>> {
    const rows = await this.db.read("system-leaders/findEngagementsBySchoolUrns", { urns });
    return new Map(
      parseRows(SchoolEngagementsRow, rows, "system-leaders/findEngagementsBySchoolUrns").map(
        (row) => [row.urn, row.engagements],
      ),
    );
  }
}

/** The leaders in `leader` cells, without those of no known designation. */
function leadersIn(rows: readonly Row[], statement: string): SystemLeaderRecord[] {
  return parseRows(LeaderRow, rows, statement).flatMap(({ leader }) => leader ?? []);
}
