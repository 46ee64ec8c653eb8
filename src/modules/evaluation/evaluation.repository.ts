import type { Database, Row } from "../../db/driver.js";
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
import { PARTNERSHIP_TYPES } from "../partnerships/partnership.model.js";
import type {
  ImpactDataVersion,
  ImpactMembership,
  ImpactPartnership,
  ImpactSchool,
  ImpactSnapshot,
} from "./evaluation.model.js";

/** Where the evaluation snapshot comes from; a test can hand the store another source. */
export interface ImpactSource {
  findDataVersion(): Promise<ImpactDataVersion>;
  loadSnapshot(version: ImpactDataVersion): Promise<ImpactSnapshot>;
}

/** Parallel year and value lists as one map; a pair with a missing or malformed half is left out. */
export function seriesOf(years: unknown, values: unknown): Map<string, number> {
  const yearList = asList(years);
  const valueList = asList(values);
  const series = new Map<string, number>();
  yearList.forEach((year, i) => {
    const text = asString(year);
    const value = asNumber(valueList[i]);
    if (text !== null && value !== null) series.set(text, value);
  });
  return series;
}

function strings(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const text = asString(item);
    return text === null ? [] : [text];
  });
}

export function toImpactSchool(row: Row): ImpactSchool {
  const progress8 = asNumber(row["ks4Progress8"]);
  const ks4Year = asString(row["ks4Year"]);
  return {
    urn: requireInt(row["urn"], "School.urn"),
    regionCode: asString(row["regionCode"]),
    familyId: asString(row["familyId"]),
    series: {
      KS2_RWM_EXPECTED: seriesOf(row["ks2Years"], row["ks2Values"]),
      KS4_PROGRESS_8:
        progress8 === null || ks4Year === null ? new Map() : new Map([[ks4Year, progress8]]),
    },
  };
}

export class EvaluationRepository implements ImpactSource {
  constructor(private readonly db: Database) {}

  // findImpactDataVersion
  async findDataVersion(): Promise<ImpactDataVersion> {
    const [row] = await this.db.read("evaluation/findImpactDataVersion");
    const r = row ?? {};
    return {
      familyVersion: asInt(r["familyVersion"]),
      schools: asInt(r["schools"]) ?? 0,
      memberships: asInt(r["memberships"]) ?? 0,
      ended: asInt(r["ended"]) ?? 0,
      latestJoin: asString(r["latestJoin"]),
      sourcesLoadedAt: asString(r["sourcesLoadedAt"]),
    };
  }

  // findImpactSchools, findImpactMemberships, findImpactPartnerships
  async loadSnapshot(version: ImpactDataVersion): Promise<ImpactSnapshot> {
    const familyVersion = version.familyVersion === null ? null : cypherInt(version.familyVersion);
    const [schools, memberships, [listing]] = await Promise.all([
      this.db.read("evaluation/findImpactSchools", { familyVersion }),
      this.db.read("evaluation/findImpactMemberships"),
      this.db.read("evaluation/findImpactPartnerships", { familyVersion }),
    ]);
    return {
      version,
      schools: schools.map(toImpactSchool),
      memberships: memberships.map((row): ImpactMembership => ({
        urn: requireInt(row["urn"], "School.urn"),
        partnershipId: requireString(row["partnershipId"], "Partnership.id"),
        joinedOn: asDate(row["joinedOn"]),
        ended: row["ended"] === true,
      })),
      partnerships: asList(listing?.["partnerships"]).map((value): ImpactPartnership => {
        const p = asProperties(value) ?? {};
        return {
          id: requireString(p["id"], "Partnership.id"),
          type: asMember(PARTNERSHIP_TYPES, p["type"]),
        };
      }),
      regionCodes: strings(listing?.["regionCodes"]),
      familyFeatures: strings(listing?.["familyFeatures"]),
    };
  }
}
