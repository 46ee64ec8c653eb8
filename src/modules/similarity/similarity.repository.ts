import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import {
  asBoolean,
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  asText,
  requireInt,
  type Properties,
} from "../common/values.js";
import { PHASES } from "../schools/school.model.js";
import { toSchool } from "../schools/school.repository.js";
import { FEATURES, featuresForPhase, isFeatureName, type FeatureName } from "./features.js";
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

export class SimilarityRepository implements FamilyStore {
  constructor(private readonly db: Database) {}

  // findSchoolProfiles
  async findProfiles(): Promise<SchoolProfile[]> {
    const rows = await this.db.read("similarity/findSchoolProfiles");
    return rows.map((row) => toProfile(row["profile"]));
  }

  // findCurrentFamilyRun
  async findCurrentRun(): Promise<CurrentFamilyRun | null> {
    const [row] = await this.db.read("similarity/findCurrentFamilyRun");
    return row
      ? {
          ...toStamp(row["version"], row["createdAtMs"]),
          featuresVersion: asInt(row["featuresVersion"]) ?? 1,
        }
      : null;
  }

  // countSchoolsOutsideFamilyRun
  async countSchoolsOutsideRun(version: number): Promise<number> {
    const [row] = await this.db.read("similarity/countSchoolsOutsideFamilyRun", {
      version: cypherInt(version),
    });
    return asInt(row?.["schools"]) ?? 0;
  }

  // findFamilyRuns
  async findRuns(): Promise<FamilyRunRecord[]> {
    const rows = await this.db.read("similarity/findFamilyRuns");
    return rows.map((row) => toFamilyRun(row["run"]));
  }

  // findFamilyRunsByVersions
  async findRunsByVersions(versions: readonly number[]): Promise<Map<number, FamilyRunRecord>> {
    const rows = await this.db.read("similarity/findFamilyRunsByVersions", {
      versions: versions.map(cypherInt),
    });
    const runs = rows.map((row) => toFamilyRun(row["run"]));
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
    return row ? toFamily(row["family"], row["membership"], urn) : null;
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
    return rows.map((row) => {
      const membership = asProperties(row["membership"]) ?? {};
      return {
        school: toSchool(row["school"]),
        referenceUrn: query.urn,
        distanceToCentroid: asNumber(membership["distanceToCentroid"]) ?? 0,
        imputed: featureList(membership["imputed"]),
      };
    });
  }

  // findFamilyMemberUrns
  async findFamilyMemberUrns(urn: number, version: number): Promise<number[]> {
    const rows = await this.db.read("similarity/findFamilyMemberUrns", {
      urn: cypherInt(urn),
      version: cypherInt(version),
    });
    return rows.map((row) => requireInt(row["urn"], "urn"));
  }

  // findFamilyOutcomeSeries
  async findFamilyOutcomeSeries(urn: number, version: number): Promise<MemberSeries[]> {
    const rows = await this.db.read("similarity/findFamilyOutcomeSeries", {
      urn: cypherInt(urn),
      version: cypherInt(version),
    });
    return rows.map((row) => toMemberSeries(row["urn"], row["series"]));
  }

  /**
   * Writes a run and all its families in one transaction (createFamilyRun, createFamilies in
   * batches, completeFamilyRun), so a failure leaves nothing behind. The run is not current.
   */
  async saveRun(draft: FamilyRunDraft, options: SaveRunOptions): Promise<number> {
    return this.db.writeTransaction(async (run) => {
      const [created] = await run("similarity/createFamilyRun", { run: runParams(draft.run) });
      const version = requireInt(created?.["version"], "FamilyRun.version");
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
    return rows.some((row) => row["version"] === version && row["current"] === true);
  }

  // deleteFamilyRun
  async deleteRun(version: number): Promise<boolean> {
    const [row] = await this.db.write("similarity/deleteFamilyRun", {
      version: cypherInt(version),
    });
    return (asInt(row?.["runs"]) ?? 0) > 0;
  }
}

/** Whole numbers of a run as Cypher integers, so they read back as integers, not floats. */
function runParams(run: FamilyRunDraft["run"]): Properties {
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

function featureList(value: unknown): FeatureName[] {
  return asList(value).filter(
    (name): name is FeatureName => typeof name === "string" && isFeatureName(name),
  );
}

function toStamp(version: unknown, createdAtMs: unknown): FamilyRunStamp {
  const millis = asNumber(createdAtMs);
  return {
    version: requireInt(version, "FamilyRun.version"),
    createdAt: millis === null ? "" : new Date(millis).toISOString(),
  };
}

/** The stored parameters, or null when the text is not JSON of the expected shape. */
function parseParameters(value: unknown): FamilyRunParameters | null {
  const text = asString(value);
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
  const p = asProperties(value) ?? {};
  return {
    ...toStamp(p["version"], p["createdAtMs"]),
    current: asBoolean(p["current"]) ?? false,
    featuresVersion: asInt(p["featuresVersion"]) ?? 1,
    seed: asInt(p["seed"]) ?? 0,
    targetSize: asInt(p["targetSize"]) ?? 0,
    preset: asString(p["preset"]) ?? "FAMILIES",
    features: featureList(p["features"]),
    parameters: parseParameters(p["parameters"]),
    schools: asInt(p["schools"]) ?? 0,
    families: asInt(p["families"]) ?? 0,
    quality: {
      meanDistanceToCentroid: asNumber(p["meanDistanceToCentroid"]) ?? 0,
      silhouette: asNumber(p["silhouette"]),
      silhouetteSampleSize: asInt(p["silhouetteSampleSize"]) ?? 0,
    },
    durationMs: asInt(p["durationMs"]),
  };
}

/** Maps a Family node and the asking school's IN_FAMILY properties to a record. */
export function toFamily(family: unknown, membership: unknown, urn: number): FamilyRecord {
  const p = asProperties(family) ?? {};
  const m = asProperties(membership) ?? {};
  const phase = asMember(PHASES, p["phase"]);
  if (phase === null) throw new Error(`Family without a known phase: ${JSON.stringify(p["id"])}`);
  return {
    id: asString(p["id"]) ?? "",
    version: requireInt(p["version"], "Family.version"),
    phase,
    number: asInt(p["number"]) ?? 0,
    size: asInt(p["size"]) ?? 0,
    meanDistanceToCentroid: asNumber(p["meanDistanceToCentroid"]) ?? 0,
    medians: featuresForPhase(phase).map((feature) => ({
      feature,
      value: asNumber(p[medianProperty(feature)]),
    })),
    urn,
    distanceToCentroid: asNumber(m["distanceToCentroid"]) ?? 0,
    imputed: featureList(m["imputed"]),
  };
}

/**
 * One series of parallel lists as figures: a year with no figure (NaN, or a value of the wrong
 * type) is left out. `sources` is one dataset id for the series or one per year.
 */
function yearFigures(years: unknown, values: unknown, sources: unknown): YearFigure[] {
  const valueList = asList(values);
  const sourceList = Array.isArray(sources) ? sources : null;
  return asList(years).flatMap((year, index) => {
    const text = asText(year);
    const value = asNumber(valueList[index]);
    if (text === null || value === null) return [];
    const sourceId = asString(sourceList ? sourceList[index] : sources);
    return [{ year: text, value, sourceId }];
  });
}

/** Maps a findFamilyOutcomeSeries row to a member's series per outcome. */
export function toMemberSeries(urn: unknown, series: unknown): MemberSeries {
  const p = asProperties(series) ?? {};
  const ks4 = (values: string) =>
    yearFigures(p["ks4SeriesYears"], p[values], p["ks4SeriesSources"]);
  return {
    urn: requireInt(urn, "School.urn"),
    series: {
      ks2RwmExpected: yearFigures(
        p["ks2RwmSeriesYears"],
        p["ks2RwmSeriesValues"],
        p["ks2RwmSeriesSource"],
      ),
      ks4Progress8: ks4("ks4SeriesProgress8"),
      ks4Attainment8: ks4("ks4SeriesAttainment8"),
      ks4EnglishMathsGrade5Percent: ks4("ks4SeriesGrade5"),
    },
  };
}

/** Maps a findSchoolProfiles row to a profile; figures of the wrong type read as missing. */
export function toProfile(value: unknown): SchoolProfile {
  const p = asProperties(value) ?? {};
  const point = asProperties(p["location"]);
  const latitude = asNumber(point?.["latitude"]);
  const longitude = asNumber(point?.["longitude"]);
  const figures = Object.fromEntries(
    FEATURES.filter((feature) => feature !== "rurality").map((feature) => [
      feature,
      asNumber(p[feature]),
    ]),
  ) as Pick<SchoolProfile, Exclude<FeatureName, "rurality">>;
  return {
    urn: requireInt(p["urn"], "School.urn"),
    name: asString(p["name"]) ?? "",
    phase: asMember(PHASES, p["phase"]),
    regionCode: asString(p["regionCode"]),
    laCode: asInt(p["laCode"]),
    location: latitude === null || longitude === null ? null : { latitude, longitude },
    ruralUrbanCode: asString(p["ruralUrbanCode"]),
    rural: asBoolean(p["rural"]),
    sparse: asBoolean(p["sparse"]),
    ...figures,
    partnershipIds: asList(p["partnershipIds"]).filter(
      (id): id is string => typeof id === "string",
    ),
  };
}
