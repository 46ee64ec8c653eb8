import type { Database, Row } from "../../db/driver.js";
import {
  asDate,
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import { PARTNERSHIP_TYPES, type PartnershipType } from "../partnerships/partnership.model.js";
import type {
  CoverageCounts,
  CoverageKey,
  LocalAuthorityRecord,
  RegionRecord,
} from "./geography.model.js";

export class GeographyRepository {
  constructor(private readonly db: Database) {}

  // findAllRegions
  async findAllRegions(): Promise<RegionRecord[]> {
    const rows = await this.db.read("geography/findAllRegions");
    return rows.map((row) => toRegion(row["region"]));
  }

  // findRegionsByCodes
  async findRegionsByCodes(codes: readonly string[]): Promise<Map<string, RegionRecord>> {
    const rows = await this.db.read("geography/findRegionsByCodes", { codes });
    return new Map(rows.map((row) => toRegion(row["region"])).map((r) => [r.code, r]));
  }

  // findLocalAuthorities
  async findLocalAuthorities(regionCode: string | null): Promise<LocalAuthorityRecord[]> {
    const rows = await this.db.read("geography/findLocalAuthorities", { regionCode });
    return rows.map((row) => toLocalAuthority(row["localAuthority"]));
  }

  // findLocalAuthoritiesByCodes
  async findLocalAuthoritiesByCodes(
    codes: readonly number[],
  ): Promise<Map<number, LocalAuthorityRecord>> {
    return (await this.findLocalAuthoritiesWithRegions(codes)).localAuthorities;
  }

  /** findLocalAuthoritiesByCodes, with the regions they are in: a school's areas in one round. */
  async findLocalAuthoritiesWithRegions(codes: readonly number[]): Promise<{
    localAuthorities: Map<number, LocalAuthorityRecord>;
    regions: RegionRecord[];
  }> {
    const rows = await this.db.read("geography/findLocalAuthoritiesByCodes", { codes });
    return {
      localAuthorities: new Map(
        rows.map((row) => toLocalAuthority(row["localAuthority"])).map((la) => [la.code, la]),
      ),
      regions: rows.flatMap((row) => (row["region"] ? [toRegion(row["region"])] : [])),
    };
  }

  // findLocalAuthoritiesByRegionCodes
  async findLocalAuthoritiesByRegionCodes(
    codes: readonly string[],
  ): Promise<Map<string, LocalAuthorityRecord[]>> {
    const rows = await this.db.read("geography/findLocalAuthoritiesByRegionCodes", { codes });
    return new Map(
      rows.map((row) => [
        requireString(row["code"], "Region.code"),
        asList(row["localAuthorities"]).map(toLocalAuthority),
      ]),
    );
  }

  // coverageByLaCodes
  async coverageOfLocalAuthorities(
    keys: readonly CoverageKey<number>[],
  ): Promise<CoverageCounts[]> {
    const rows = await this.db.read("geography/coverageByLaCodes", { keys });
    return byIndex(rows, keys.length);
  }

  // coverageByRegionCodes
  async coverageOfRegions(keys: readonly CoverageKey<string>[]): Promise<CoverageCounts[]> {
    const rows = await this.db.read("geography/coverageByRegionCodes", { keys });
    return byIndex(rows, keys.length);
  }
}

/** Coverage rows come back tagged with the index of their key; every key gets one row. */
function byIndex(rows: readonly Row[], count: number): CoverageCounts[] {
  const results: CoverageCounts[] = Array.from({ length: count }, () => ({
    schools: 0,
    schoolsInPartnership: 0,
    memberTypes: [],
  }));
  for (const row of rows) {
    const index = requireInt(row["i"], "key index");
    results[index] = {
      schools: asInt(row["schools"]) ?? 0,
      schoolsInPartnership: asInt(row["schoolsInPartnership"]) ?? 0,
      memberTypes: asList(row["memberTypes"])
        .map((type) => asMember(PARTNERSHIP_TYPES, type))
        .filter((type): type is PartnershipType => type !== null),
    };
  }
  return results;
}

export function toRegion(value: unknown): RegionRecord {
  const p = asProperties(value) ?? {};
  const code = requireString(p["code"], "Region.code");
  return { code, name: asString(p["name"]) ?? code };
}

export function toLocalAuthority(value: unknown): LocalAuthorityRecord {
  const p = asProperties(value) ?? {};
  const code = requireInt(p["code"], "LocalAuthority.code");
  return {
    code,
    name: asString(p["name"]) ?? String(code),
    gssCode: asString(p["gssCode"]),
    regionCode: asString(p["regionCode"]),
    closedOn: asDate(p["closedOn"]),
    successorCodes: asList(p["successorCodes"]).flatMap((value) => asInt(value) ?? []),
  };
}
