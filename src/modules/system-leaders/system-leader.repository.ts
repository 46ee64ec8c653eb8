import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import {
  asBoolean,
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
import { PHASES } from "../schools/school.model.js";
import {
  DESIGNATIONS,
  SPECIALISMS,
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

/** Maps a SystemLeader node's properties, with `holder` and `openEngagements`, to a record. */
export function toSystemLeader(value: unknown): SystemLeaderRecord | null {
  const p = asProperties(value) ?? {};
  const designation = asMember(DESIGNATIONS, p["designation"]);
  if (designation === null) return null;
  const id = requireString(p["id"], "SystemLeader.id");
  const holder = asProperties(p["holder"]);
  const point = asProperties(p["location"]);
  const latitude = asNumber(point?.["latitude"]);
  const longitude = asNumber(point?.["longitude"]);
  const generator = asString(p["generator"]);
  return {
    id,
    designation,
    name: asString(p["name"]) ?? id,
    phase: asMember(PHASES, p["phase"]),
    specialisms: asList(p["specialisms"]).flatMap((item) => {
      const specialism = asMember(SPECIALISMS, item);
      return specialism === null ? [] : [specialism];
    }),
    capacity: asInt(p["capacity"]) ?? 0,
    openEngagements: asInt(p["openEngagements"]) ?? 0,
    synthetic: asBoolean(p["synthetic"]) ?? false,
    generator:
      generator === null
        ? null
        : {
            name: generator,
            version: asInt(p["generatorVersion"]) ?? 0,
            seed: asInt(p["generatorSeed"]) ?? 0,
          },
    baseUrn: asInt(p["baseUrn"]),
    holder:
      holder === null
        ? null
        : {
            id: requireString(holder["id"], "Leader.id"),
            name: asString(holder["name"]) ?? requireString(holder["id"], "Leader.id"),
            synthetic: asBoolean(holder["synthetic"]) ?? false,
          },
    location: latitude === null || longitude === null ? null : { latitude, longitude },
    regionCode: asString(p["regionCode"]),
    laCode: asInt(p["laCode"]),
    sourceId: asString(p["source"]),
  };
}

export function toEngagement(value: unknown): SupportEngagementRecord {
  const p = asProperties(value) ?? {};
  return {
    id: requireString(p["id"], "SUPPORTS.id"),
    systemLeaderId: requireString(p["systemLeaderId"], "SystemLeader.id"),
    urn: requireInt(p["urn"], "Establishment.urn"),
    listedForUrn: asInt(p["listedForUrn"]),
    regionCode: asString(p["regionCode"]),
    start: asDate(p["start"]),
    end: asDate(p["end"]),
    focus: asString(p["focus"]),
    outcome: asString(p["outcome"]),
    open: p["open"] === true,
  };
}

function leaders(value: unknown): SystemLeaderRecord[] {
  return asList(value).flatMap((item) => {
    const leader = toSystemLeader(item);
    return leader === null ? [] : [leader];
  });
}

export class SystemLeaderRepository {
  constructor(private readonly db: Database) {}

  // findSystemLeadersByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, SystemLeaderRecord>> {
    const rows = await this.db.read("system-leaders/findSystemLeadersByIds", { ids });
    return new Map(leaders(rows.map((row) => row["leader"])).map((leader) => [leader.id, leader]));
  }

  // listSystemLeaders
  async list(params: SystemLeaderListParams): Promise<SystemLeaderRecord[]> {
    const rows = await this.db.read("system-leaders/listSystemLeaders", {
      ...params,
      limit: cypherInt(params.limit),
    });
    return leaders(rows.map((row) => row["leader"]));
  }

  // countSystemLeaders
  async count(
    params: Pick<SystemLeaderListParams, "regionCode" | "designation" | "nameContains">,
  ): Promise<number> {
    const [row] = await this.db.read("system-leaders/countSystemLeaders", params);
    return asInt(row?.["total"]) ?? 0;
  }

  // findSystemLeadersByBaseUrns
  async findByBaseUrns(urns: readonly number[]): Promise<Map<number, SystemLeaderRecord[]>> {
    const rows = await this.db.read("system-leaders/findSystemLeadersByBaseUrns", { urns });
    return new Map(rows.map((row) => [requireInt(row["urn"], "urn"), leaders(row["leaders"])]));
  }

  // findEngagementsBySystemLeaderIds
  async findEngagementsByLeaderIds(
    ids: readonly string[],
  ): Promise<Map<string, SupportEngagementRecord[]>> {
    const rows = await this.db.read("system-leaders/findEngagementsBySystemLeaderIds", { ids });
    return new Map(
      rows.map((row) => [
        requireString(row["id"], "SystemLeader.id"),
        asList(row["engagements"]).map(toEngagement),
      ]),
    );
  }

  // findEngagementsBySchoolUrns
  async findEngagementsBySchoolUrns(
    urns: readonly number[],
  ): Promise<Map<number, SupportEngagementRecord[]>> {
    const rows = await this.db.read("system-leaders/findEngagementsBySchoolUrns", { urns });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "urn"),
        asList(row["engagements"]).map(toEngagement),
      ]),
    );
  }
}
