import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { PARTNERSHIP_TYPES } from "../partnerships/partnership.model.js";
import type {
  ImpactDataVersion,
  ImpactMembership,
  ImpactSchool,
  ImpactSnapshot,
} from "./evaluation.model.js";

/** Where the evaluation snapshot comes from; a test can hand the store another source. */
export interface ImpactSource {
  /** Everything the evaluation reads, with the families run it was read under. */
  loadSnapshot(): Promise<ImpactSnapshot>;
}

/** Parallel year and value lists as one map; a pair with a missing or malformed half is left out. */
function seriesOf(
  years: readonly (string | null)[],
  values: readonly (number | null)[],
): Map<string, number> {
  const series = new Map<string, number>();
  years.forEach((year, i) => {
    const value = values[i] ?? null;
    if (year !== null && value !== null) series.set(year, value);
  });
  return series;
}

const FamilyRunRow = z
  .object({ version: cell.int })
  .transform((run): ImpactDataVersion => ({ familyVersion: run.version }));

const ImpactSchoolRow = z
  .object({
    urn: key.int,
    regionCode: cell.string,
    familyId: cell.string,
    ks2Years: listOf(cell.string),
    ks2Values: listOf(cell.number),
    ks4Progress8: cell.number,
    ks4Year: cell.string,
  })
  .transform((school): ImpactSchool => ({
    urn: school.urn,
    regionCode: school.regionCode,
    familyId: school.familyId,
    series: {
      KS2_RWM_EXPECTED: seriesOf(school.ks2Years, school.ks2Values),
      KS4_PROGRESS_8:
        school.ks4Progress8 === null || school.ks4Year === null
          ? new Map()
          : new Map([[school.ks4Year, school.ks4Progress8]]),
    },
  }));

const ImpactMembershipRow = z
  .object({
    urn: key.int,
    partnershipId: key.string,
    joinedOn: cell.date,
    ended: cell.boolean,
  })
  .transform((membership): ImpactMembership => ({
    ...membership,
    ended: membership.ended === true,
  }));

const ImpactPartnershipsRow = z.object({
  partnerships: listOf(node(z.object({ id: key.string, type: cell.member(PARTNERSHIP_TYPES) }))),
  regionCodes: cell.list(cell.string),
  familyFeatures: cell.list(cell.string),
});

export class EvaluationRepository implements ImpactSource {
  constructor(private readonly db: Database) {}

  // findImpactSchools, findImpactMemberships, findImpactPartnerships, under the current run
  async loadSnapshot(): Promise<ImpactSnapshot> {
    const [row] = await this.db.read("similarity/findCurrentFamilyRun");
    const version = parseRow(FamilyRunRow, row ?? {}, "similarity/findCurrentFamilyRun");
    const familyVersion = version.familyVersion === null ? null : cypherInt(version.familyVersion);
    const [schools, memberships, [listing]] = await Promise.all([
      this.db.read("evaluation/findImpactSchools", { familyVersion }),
      this.db.read("evaluation/findImpactMemberships"),
      this.db.read("evaluation/findImpactPartnerships", { familyVersion }),
    ]);
    return {
      version,
      schools: parseRows(ImpactSchoolRow, schools, "evaluation/findImpactSchools"),
      memberships: parseRows(ImpactMembershipRow, memberships, "evaluation/findImpactMemberships"),
      ...parseRow(ImpactPartnershipsRow, listing ?? {}, "evaluation/findImpactPartnerships"),
    };
  }
}
