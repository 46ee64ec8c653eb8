import type { Database } from "../../db/driver.js";
import {
  asBoolean,
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  requireInt,
  requireString,
  type Properties,
} from "../common/values.js";
import { PARTNERSHIP_TYPES } from "../partnerships/partnership.model.js";
import {
  ELIGIBILITIES,
  FORMATIONS,
  LEAVING_RULES,
  type CollaborationModelRecord,
  type JoiningRoute,
  type SchoolMembership,
  type SchoolStanding,
} from "./collaboration.model.js";

export class CollaborationRepository {
  constructor(private readonly db: Database) {}

  // findCollaborationModels
  async findModels(): Promise<CollaborationModelRecord[]> {
    const rows = await this.db.read("collaboration/findCollaborationModels");
    return rows.map((row) => toCollaborationModel(row["model"]));
  }

  // findSchoolStandings
  async findStandings(urns: readonly number[]): Promise<Map<number, SchoolStanding>> {
    const rows = await this.db.read("collaboration/findSchoolStandings", { urns });
    const standings = rows.map((row) => toStanding(row["school"], row["memberships"]));
    return new Map(standings.map((standing) => [standing.urn, standing]));
  }
}

function strings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === "string");
}

function route(p: Properties, prefix: string): JoiningRoute {
  return {
    eligibility: asMember(ELIGIBILITIES, p[`${prefix}Eligibility`]) ?? "NOT_ELIGIBLE",
    steps: strings(p[`${prefix}Steps`]),
  };
}

/** Maps a CollaborationModel node (see seed/collaboration/load.ts for the flattening). */
export function toCollaborationModel(value: unknown): CollaborationModelRecord {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "CollaborationModel.id");
  const partnershipType = asMember(PARTNERSHIP_TYPES, p["partnershipType"]);
  if (partnershipType === null) throw new Error(`CollaborationModel ${id} has no partnership type`);
  return {
    id,
    name: asString(p["name"]) ?? id,
    partnershipType,
    primaryForType: asBoolean(p["primaryForType"]) ?? false,
    summary: asString(p["summary"]) ?? "",
    legalForm: asString(p["legalForm"]) ?? "",
    governance: asString(p["governance"]) ?? "",
    joining: {
      MAINTAINED: route(p, "maintained"),
      ACADEMY: route(p, "academy"),
      INDEPENDENT: route(p, "independent"),
    },
    // An unknown formation is treated as the most restrictive, so nothing is proposed by mistake.
    formation: asMember(FORMATIONS, p["formation"]) ?? "SINGLE_SCHOOL",
    exclusiveGroup: asString(p["exclusiveGroup"]),
    mixesSectors: asBoolean(p["mixesSectors"]) ?? false,
    leavingRule: asMember(LEAVING_RULES, p["leavingRule"]) ?? "STATUTORY_PROCESS",
    noticeDays: asInt(p["noticeDays"]),
    leavingProcedure: asString(p["leavingProcedure"]) ?? "",
    typicalCosts: asString(p["typicalCosts"]) ?? "",
    advantages: strings(p["advantages"]),
    disadvantages: strings(p["disadvantages"]),
    references: strings(p["references"]),
  };
}

export function toMembership(value: unknown): SchoolMembership {
  const m = asProperties(value) ?? {};
  const partnershipId = requireString(m["partnershipId"], "Partnership.id");
  return {
    partnershipId,
    partnershipName: asString(m["partnershipName"]) ?? partnershipId,
    partnershipType: asMember(PARTNERSHIP_TYPES, m["partnershipType"]),
    partnershipStatus: asString(m["partnershipStatus"]),
    modelId: asString(m["modelId"]),
  };
}

export function toStanding(school: unknown, memberships: unknown): SchoolStanding {
  const s = asProperties(school) ?? {};
  return {
    urn: requireInt(s["urn"], "School.urn"),
    name: asString(s["name"]) ?? "",
    governance: asString(s["governance"]),
    stateFunded: asBoolean(s["stateFunded"]),
    regionCode: asString(s["regionCode"]),
    memberships: asList(memberships).map(toMembership),
  };
}
