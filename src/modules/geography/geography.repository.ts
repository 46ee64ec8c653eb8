import { z } from "zod";
import type { Database, Row } from "../../db/driver.js";
import { cell, key, parseRow, parseRows } from "../../db/rows.js";
import { PARTNERSHIP_TYPES } from "../partnerships/partnership.model.js";
import type {
  CoverageCounts,
  CoverageKey,
  LocalAuthorityRecord,
  RegionRecord,
} from "./geography.model.js";

const RegionNode = z
  .object({ code: key.string, name: cell.string })
  .transform(({ code, name }): RegionRecord => ({ code, name: name ?? code }));

const LocalAuthorityNode = z
  .object({
    code: key.int,
    name: cell.string,
    gssCode: cell.string,
    regionCode: cell.string,
    closedOn: cell.date,
    successorCodes: cell.list(cell.int),
  })
  .transform(({ name, ...la }): LocalAuthorityRecord => ({ ...la, name: name ?? String(la.code) }));

const CoverageRow = z.object({
  i: key.int,
  schools: cell.int,
  schoolsInPartnership: cell.int,
  memberTypes: cell.list(cell.member(PARTNERSHIP_TYPES)),
});

const RegionLocalAuthoritiesRow = z.object({
  code: key.string,
  localAuthorities: z.array(LocalAuthorityNode),
});

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
      parseRows(RegionLocalAuthoritiesRow, rows, "geography/findLocalAuthoritiesByRegionCodes").map(
        (row) => [row.code, row.localAuthorities],
      ),
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
  for (const row of parseRows(CoverageRow, rows, "geography/coverage")) {
    results[row.i] = {
      schools: row.schools ?? 0,
      schoolsInPartnership: row.schoolsInPartnership ?? 0,
      memberTypes: row.memberTypes,
    };
  }
  return results;
}

export function toRegion(value: unknown): RegionRecord {
  return parseRow(RegionNode, value, "Region");
}

export function toLocalAuthority(value: unknown): LocalAuthorityRecord {
  return parseRow(LocalAuthorityNode, value, "LocalAuthority");
}
