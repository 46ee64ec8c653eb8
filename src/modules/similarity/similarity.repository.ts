import { z } from "zod";
import type { Database, Params } from "../../db/driver.js";
import {
  cell,
  key,
  listOf,
  nodeProperties,
  parseNode,
  parseRow,
  parseRows,
  point,
  series,
} from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { PHASES } from "../schools/school.model.js";
import { SchoolNode } from "../schools/school.repository.js";
import { FEATURES, featuresForPhase, type FeatureName } from "./features.js";
import type { FamilyStore, SaveRunOptions } from "./family-run.js";
import {
  familyId,
  medianProperty,
  type CurrentFamilyRun,
  type FamilyMemberRecord,
  type FamilyMembersQuery,
  type FamilyRecord,
  type FamilyRunDraft,
  type FamilyRunParameters,
  type FamilyRunRecord,
  type FamilyRunStamp,
} from "./family.model.js";
import type { MemberSeries, YearFigure } from "./outcome-trends.js";
import type { SchoolProfile } from "./similarity.model.js";

/** Families per createFamilies statement: about 1,250 memberships, a second or so of work. */
const FAMILY_BATCH_SIZE = 25;
/** Schools per page of profiles: a few MB of rows, read in well under a second. */
export const PROFILE_PAGE = 5_000;

type ProfileFigure = Exclude<FeatureName, "rurality">;
type MedianProperty = `median${Capitalize<FeatureName>}`;

/** The figures of a profile, one cell per feature (rurality comes from ruralUrbanCode). */
const FIGURE_CELLS = Object.fromEntries(
  FEATURES.filter((feature) => feature !== "rurality").map((feature) => [feature, cell.number]),
) as Record<ProfileFigure, typeof cell.number>;

/** A Family node's medians, one cell per feature (a phase reads its own features'). */
const MEDIAN_CELLS = Object.fromEntries(
  FEATURES.map((feature) => [medianProperty(feature), cell.number]),
) as Record<MedianProperty, typeof cell.number>;

/** Features named in a run or a membership; a name this code does not know is dropped. */
const FeatureList = cell.list(cell.member(FEATURES as readonly [FeatureName, ...FeatureName[]]));

/** A findSchoolProfiles map; figures of the wrong type read as missing. */
const ProfileMap = z
  .object({
    urn: key.int,
    name: cell.string,
    phase: cell.member(PHASES),
    regionCode: cell.string,
    laCode: cell.int,
    location: point,
    ruralUrbanCode: cell.string,
    rural: cell.boolean,
    sparse: cell.boolean,
    ...FIGURE_CELLS,
    partnershipIds: cell.list(cell.string),
  })
  // The parsed map becomes the profile in place: a copy of each of 22,000 maps costs more than
  // parsing it.
  .transform((profile): SchoolProfile => {
    const { location } = profile;
    return Object.assign(profile, {
      name: profile.name ?? "",
      location:
        location === null || location.latitude === null || location.longitude === null
          ? null
          : { latitude: location.latitude, longitude: location.longitude },
    });
  });

/** A FamilyRun node's properties, with createdAtMs. */
const FamilyRunNode = nodeProperties({
  version: key.int,
  createdAtMs: cell.number,
  current: cell.boolean,
  featuresVersion: cell.int,
  seed: cell.int,
  targetSize: cell.int,
  preset: cell.string,
  features: FeatureList,
  parameters: cell.string,
  schools: cell.int,
  families: cell.int,
  meanDistanceToCentroid: cell.number,
  silhouette: cell.number,
  silhouetteSampleSize: cell.int,
  durationMs: cell.int,
}).transform((run): FamilyRunRecord => ({
  ...toStamp(run.version, run.createdAtMs),
  current: run.current ?? false,
  featuresVersion: run.featuresVersion ?? 1,
  seed: run.seed ?? 0,
  targetSize: run.targetSize ?? 0,
  preset: run.preset ?? "FAMILIES",
  features: run.features,
  parameters: parseParameters(run.parameters),
  schools: run.schools ?? 0,
  families: run.families ?? 0,
  quality: {
    meanDistanceToCentroid: run.meanDistanceToCentroid ?? 0,
    silhouette: run.silhouette,
    silhouetteSampleSize: run.silhouetteSampleSize ?? 0,
  },
  durationMs: run.durationMs,
}));

const FamilyNode = nodeProperties({
  id: cell.string,
  version: key.int,
  phase: cell.member(PHASES),
  number: cell.int,
  size: cell.int,
  meanDistanceToCentroid: cell.number,
  ...MEDIAN_CELLS,
}).transform((family, ctx) => {
  const { phase } = family;
  if (phase === null) {
    ctx.addIssue({
      code: "custom",
      path: ["phase"],
      message: `Family without a known phase: ${JSON.stringify(family.id)}`,
    });
    return z.NEVER;
  }
  return {
    id: family.id ?? "",
    version: family.version,
    phase,
    number: family.number ?? 0,
    size: family.size ?? 0,
    meanDistanceToCentroid: family.meanDistanceToCentroid ?? 0,
    medians: featuresForPhase(phase).map((feature) => ({
      feature,
      value: family[medianProperty(feature) as MedianProperty],
    })),
  };
});

/** A school's IN_FAMILY properties. */
const FamilyMembershipNode = nodeProperties({
  distanceToCentroid: cell.number,
  imputed: FeatureList,
}).transform(({ distanceToCentroid, imputed }) => ({
  distanceToCentroid: distanceToCentroid ?? 0,
  imputed,
}));

/** Per year, or one dataset id for the whole series. */
const SeriesSources = z.union([z.array(cell.string), cell.string]);

/** A findFamilyOutcomeSeries row: a member's series, each as parallel lists by year. */
const OutcomeSeriesRow = z
  .object({
    urn: key.int,
    series: nodeProperties({
      ks2RwmSeriesYears: listOf(cell.text),
      ks2RwmSeriesValues: series(cell.number),
      ks2RwmSeriesSource: SeriesSources,
      ks4SeriesYears: listOf(cell.text),
      ks4SeriesSources: SeriesSources,
      ks4SeriesProgress8: series(cell.number),
      ks4SeriesAttainment8: series(cell.number),
      ks4SeriesGrade5: series(cell.number),
    }),
  })
  .transform(({ urn, series: s }): MemberSeries => {
    const ks4 = (values: (number | null)[]) =>
      yearFigures(s.ks4SeriesYears, values, s.ks4SeriesSources);
    return {
      urn,
      series: {
        ks2RwmExpected: yearFigures(
          s.ks2RwmSeriesYears,
          s.ks2RwmSeriesValues,
          s.ks2RwmSeriesSource,
        ),
        ks4Progress8: ks4(s.ks4SeriesProgress8),
        ks4Attainment8: ks4(s.ks4SeriesAttainment8),
        ks4EnglishMathsGrade5Percent: ks4(s.ks4SeriesGrade5),
      },
    };
  });

// Compiled (see z.compile): every school is read at once.
const ProfileRow = z.compile(z.object({ profile: ProfileMap }));
const CurrentRunRow = z.object({
  version: key.int,
  createdAtMs: cell.number,
  featuresVersion: cell.int,
});
const RunRow = z.object({ run: FamilyRunNode });
const FamilyOfSchoolRow = z.object({ family: FamilyNode, membership: FamilyMembershipNode });
const FamilyMemberRow = z.object({ school: SchoolNode, membership: FamilyMembershipNode });
const UrnRow = z.object({ urn: key.int });
const VersionRow = z.object({ version: key.int });
const CurrentFlagRow = z.object({ version: cell.int, current: cell.boolean });
const SchoolsCountRow = z.object({ schools: cell.int });
const RunsCountRow = z.object({ runs: cell.int });

export class SimilarityRepository implements FamilyStore {
  constructor(private readonly db: Database) {}

  // findSchoolProfiles
  /**
   * Every school's profile, read PROFILE_PAGE schools at a time in URN order: each page is a
   * short transaction, however many schools there are (docs/scale.md).
   */
  async findProfiles(): Promise<SchoolProfile[]> {
    const profiles: SchoolProfile[] = [];
    for (let afterUrn = 0; ;) {
      const rows = await this.db.read("similarity/findSchoolProfiles", {
        afterUrn: cypherInt(afterUrn),
        limit: cypherInt(PROFILE_PAGE),
      });
      const page = parseRows(ProfileRow, rows, "similarity/findSchoolProfiles");
      for (const row of page) profiles.push(row.profile);
      if (page.length < PROFILE_PAGE) return profiles;
      afterUrn = page[page.length - 1]!.profile.urn;
    }
  }

  // findCurrentFamilyRun
  async findCurrentRun(): Promise<CurrentFamilyRun | null> {
    const [row] = await this.db.read("similarity/findCurrentFamilyRun");
    if (!row) return null;
    const run = parseRow(CurrentRunRow, row, "similarity/findCurrentFamilyRun");
    return { ...toStamp(run.version, run.createdAtMs), featuresVersion: run.featuresVersion ?? 1 };
  }

  // countSchoolsOutsideFamilyRun
  async countSchoolsOutsideRun(version: number): Promise<number> {
    const [row] = await this.db.read("similarity/countSchoolsOutsideFamilyRun", {
      version: cypherInt(version),
    });
    return (
      parseRow(SchoolsCountRow, row ?? {}, "similarity/countSchoolsOutsideFamilyRun").schools ?? 0
    );
  }

  // findFamilyRuns
  async findRuns(): Promise<FamilyRunRecord[]> {
    const rows = await this.db.read("similarity/findFamilyRuns");
    return parseRows(RunRow, rows, "similarity/findFamilyRuns").map((row) => row.run);
  }

  // findFamilyRunsByVersions
  async findRunsByVersions(versions: readonly number[]): Promise<Map<number, FamilyRunRecord>> {
    const rows = await this.db.read("similarity/findFamilyRunsByVersions", {
      versions: versions.map(cypherInt),
    });
    const runs = parseRows(RunRow, rows, "similarity/findFamilyRunsByVersions").map(
      (row) => row.run,
    );
    return new Map(runs.map((run) => [run.version, run]));
  }

  // findFamilyOfSchool
  async findFamilyOfSchool(
    urn: number,
    version: number | null | undefined,
  ): Promise<FamilyRecord | null> {
    const [row] = await this.db.read("similarity/findFamilyOfSchool", {
      urn: cypherInt(urn),
      version: version == null ? null : cypherInt(version),
    });
    if (!row) return null;
    const { family, membership } = parseRow(
      FamilyOfSchoolRow,
      row,
      "similarity/findFamilyOfSchool",
    );
    return { ...family, urn, ...membership };
  }

  // findFamilyMembers
  async findFamilyMembers(query: FamilyMembersQuery): Promise<FamilyMemberRecord[]> {
    const rows = await this.db.read("similarity/findFamilyMembers", {
      urn: cypherInt(query.urn),
      version: cypherInt(query.version),
      afterName: query.afterName,
      afterUrn: query.afterUrn === null ? null : cypherInt(query.afterUrn),
      limit: cypherInt(query.limit),
    });
    return parseRows(FamilyMemberRow, rows, "similarity/findFamilyMembers").map(
      ({ school, membership }) => ({ school, referenceUrn: query.urn, ...membership }),
    );
  }

  // findFamilyMemberUrns
  async findFamilyMemberUrns(urn: number, version: number): Promise<number[]> {
    const rows = await this.db.read("similarity/findFamilyMemberUrns", {
      urn: cypherInt(urn),
      version: cypherInt(version),
    });
    return parseRows(UrnRow, rows, "similarity/findFamilyMemberUrns").map((row) => row.urn);
  }

  // findFamilyOutcomeSeries
  async findFamilyOutcomeSeries(urn: number, version: number): Promise<MemberSeries[]> {
    const rows = await this.db.read("similarity/findFamilyOutcomeSeries", {
      urn: cypherInt(urn),
      version: cypherInt(version),
    });
    return parseRows(OutcomeSeriesRow, rows, "similarity/findFamilyOutcomeSeries");
  }

  /**
   * Writes a run and all its families in one transaction (createFamilyRun, createFamilies in
   * batches, completeFamilyRun), so a failure leaves nothing behind. The run is not current.
   */
  async saveRun(draft: FamilyRunDraft, options: SaveRunOptions): Promise<number> {
    return this.db.writeTransaction(async (run) => {
      const [created] = await run("similarity/createFamilyRun", { run: runParams(draft.run) });
      const { version } = parseRow(VersionRow, created ?? {}, "similarity/createFamilyRun");
      for (let start = 0; start < draft.families.length; start += FAMILY_BATCH_SIZE) {
        const batch = draft.families.slice(start, start + FAMILY_BATCH_SIZE);
        await run("similarity/createFamilies", {
          version: cypherInt(version),
          families: batch.map((family) => ({
            id: familyId(version, family.phase, family.number),
            phase: family.phase,
            number: cypherInt(family.number),
            size: cypherInt(family.size),
            meanDistanceToCentroid: family.meanDistanceToCentroid,
            medians: family.medians,
            members: family.members.map((member) => ({
              urn: cypherInt(member.urn),
              distanceToCentroid: member.distanceToCentroid,
              imputed: member.imputed,
            })),
          })),
        });
        options.onFamiliesWritten(start + batch.length);
      }
      await run("similarity/completeFamilyRun", {
        version: cypherInt(version),
        durationMs: cypherInt(options.elapsedMs()),
      });
      return version;
    });
  }

  // markFamilyRunCurrent
  async markCurrent(version: number): Promise<boolean> {
    const rows = await this.db.write("similarity/markFamilyRunCurrent", {
      version: cypherInt(version),
    });
    return parseRows(CurrentFlagRow, rows, "similarity/markFamilyRunCurrent").some(
      (row) => row.version === version && row.current === true,
    );
  }

  // deleteFamilyRun
  async deleteRun(version: number): Promise<boolean> {
    const [row] = await this.db.write("similarity/deleteFamilyRun", {
      version: cypherInt(version),
    });
    return (parseRow(RunsCountRow, row ?? {}, "similarity/deleteFamilyRun").runs ?? 0) > 0;
  }
}

/** Whole numbers of a run as Cypher integers, so they read back as integers, not floats. */
function runParams(run: FamilyRunDraft["run"]): Params {
  return {
    ...run,
    featuresVersion: cypherInt(run.featuresVersion),
    seed: cypherInt(run.seed),
    targetSize: cypherInt(run.targetSize),
    schools: cypherInt(run.schools),
    families: cypherInt(run.families),
    silhouetteSampleSize: cypherInt(run.silhouetteSampleSize),
  };
}

function toStamp(version: number, createdAtMs: number | null): FamilyRunStamp {
  return {
    version,
    createdAt: createdAtMs === null ? "" : new Date(createdAtMs).toISOString(),
  };
}

/** The stored parameters, or null when the text is not JSON of the expected shape. */
function parseParameters(text: string | null): FamilyRunParameters | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<FamilyRunParameters> | null;
    return parsed && Array.isArray(parsed.phases) ? (parsed as FamilyRunParameters) : null;
  } catch {
    return null;
  }
}

/** Maps a FamilyRun node's properties (with createdAtMs) to a record. */
export function toFamilyRun(value: unknown): FamilyRunRecord {
  return parseNode(FamilyRunNode, value, "FamilyRun");
}

/** Maps a Family node and the asking school's IN_FAMILY properties to a record. */
export function toFamily(family: unknown, membership: unknown, urn: number): FamilyRecord {
  return {
    ...parseNode(FamilyNode, family, "Family"),
    urn,
    ...parseNode(FamilyMembershipNode, membership, "IN_FAMILY"),
  };
}

/**
 * One series of parallel lists as figures: a year with no figure (NaN, or a value of the wrong
 * type) is left out. `sources` is one dataset id for the series or one per year.
 */
function yearFigures(
  years: readonly (string | null)[],
  values: readonly (number | null)[],
  sources: readonly (string | null)[] | string | null,
): YearFigure[] {
  return years.flatMap((year, index) => {
    const value = values[index] ?? null;
    if (year === null || value === null) return [];
    const sourceId =
      typeof sources === "string" || sources === null ? sources : (sources[index] ?? null);
    return [{ year, value, sourceId }];
  });
}

/** Maps a findSchoolProfiles row to a profile; figures of the wrong type read as missing. */
export function toProfile(value: unknown): SchoolProfile {
  return parseNode(ProfileMap, value, "School");
}
