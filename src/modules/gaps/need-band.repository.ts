import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import {
  asInt,
  asList,
  asMember,
  asNumber,
  asDate,
  asProperties,
  asString,
  requireInt,
} from "../common/values.js";
import { PHASES } from "../schools/school.model.js";
import { SPECIALISMS, type Specialism } from "../system-leaders/system-leader.model.js";
import {
  KS4_RULE,
  NEED_BANDS,
  type NeedAssessment,
  type NeedBand,
  type NeedInput,
} from "./need-bands.js";

/** A school's stored need, as `npm run need-bands` wrote it. */
export interface SchoolNeedRecord {
  band: NeedBand;
  points: number | null;
  reasons: { code: string; detail: string }[];
  areas: Specialism[];
  familyVersion: number | null;
  ruleVersion: number | null;
  computedAt: string | null;
}

function strings(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const text = asString(item);
    return text === null ? [] : [text];
  });
}

/** An inspection's grade: overall effectiveness, else its lowest key judgement. */
function inspectionGrade(i: Record<string, unknown>): number | null {
  const overall = asInt(i["overall"]);
  if (overall !== null) return overall;
  const judgements = [
    "qualityOfEducation",
    "behaviourAndAttitudes",
    "personalDevelopment",
    "leadershipAndManagement",
    "earlyYears",
    "sixthForm",
  ].flatMap((key) => {
    const grade = asInt(i[key]);
    return grade === null ? [] : [grade];
  });
  return judgements.length === 0 ? null : Math.max(...judgements);
}

export function toNeedInput(schoolValue: unknown, familyValue: unknown): NeedInput {
  const s = asProperties(schoolValue) ?? {};
  const f = asProperties(familyValue);
  const years = strings(s["ks2RwmSeriesYears"]);
  const values = asList(s["ks2RwmSeriesValues"]);
  const cohorts = asList(s["ks2RwmSeriesCohorts"]);
  const ks2 = years.flatMap((year, i) => {
    const rwm = asNumber(values[i]);
    return rwm === null ? [] : [{ year, rwm, cohort: asInt(cohorts[i]) }];
  });
  const ofstedDate = asDate(s["ofstedDate"]);
  // The graded inspection before the latest: the newest one dated before it.
  const previous = asList(s["graded"])
    .map((value) => asProperties(value) ?? {})
    .map((i) => ({ date: asDate(i["date"]), grade: inspectionGrade(i) }))
    .find((i) => i.date !== null && ofstedDate !== null && i.date < ofstedDate);
  const ungraded = asProperties(asList(s["ungraded"])[0]);
  const ungradedDate = ungraded ? asDate(ungraded["date"]) : null;
  const ks4Years = strings(s["ks4SeriesYears"]);
  const olderIndex = ks4Years.indexOf("2018/19");
  const hasKs4 = asString(s["ks4Year"]) === KS4_RULE.year;
  return {
    urn: requireInt(s["urn"], "School.urn"),
    phase: asMember(PHASES, s["phase"]),
    ofstedGrade: asInt(s["ofstedGrade"]),
    ofstedGradeBasis: asString(s["ofstedGradeBasis"]),
    ofstedDate,
    previousGraded: previous?.date ? { date: previous.date, grade: previous.grade } : null,
    latestUngraded:
      ungraded && ungradedDate
        ? { date: ungradedDate, outcome: asString(ungraded["outcome"]) }
        : null,
    fsmPercent: asNumber(s["fsmPercent"]),
    ks2,
    ks4: hasKs4
      ? {
          progress8: asNumber(s["ks4Progress8"]),
          lower: asNumber(s["ks4Progress8Lower"]),
          upper: asNumber(s["ks4Progress8Upper"]),
          pupils: asInt(s["ks4Pupils"]),
          attainment8: asNumber(s["ks4Attainment8"]),
        }
      : null,
    olderProgress8: olderIndex < 0 ? null : asNumber(asList(s["ks4SeriesProgress8"])[olderIndex]),
    familyId: f ? asString(f["id"]) : null,
    familyAttainment8: f ? asNumber(f["medianKs4Attainment8"]) : null,
  };
}

export function toSchoolNeed(value: unknown): SchoolNeedRecord | null {
  const p = asProperties(value) ?? {};
  const band = NEED_BANDS.find((b) => b === asInt(p["needBand"]));
  if (band === undefined) return null;
  const codes = strings(p["needReasons"]);
  const details = strings(p["needDetails"]);
  return {
    band,
    points: asInt(p["needPoints"]),
    reasons: codes.map((code, i) => ({ code, detail: details[i] ?? code })),
    areas: asList(p["needAreas"]).flatMap((area) => {
      const specialism = asMember(SPECIALISMS, area);
      return specialism === null ? [] : [specialism];
    }),
    familyVersion: asInt(p["needFamilyVersion"]),
    ruleVersion: asInt(p["needRuleVersion"]),
    computedAt: asString(p["needComputedAt"]),
  };
}

/** A band as stored before a new computation. */
export interface StoredBand {
  urn: number;
  name: string | null;
  band: NeedBand;
  ruleVersion: number | null;
  /** Its reasons in words. */
  details: string[];
}

/** Bands per write transaction: the server caps the memory all transactions may hold at once. */
export const NEED_BAND_BATCH_SIZE = 2_000;

export class NeedBandRepository {
  constructor(private readonly db: Database) {}

  // findCurrentFamilyVersion
  async findCurrentFamilyVersion(): Promise<number | null> {
    const [row] = await this.db.read("gaps/findCurrentFamilyVersion");
    return asInt(row?.["version"]);
  }

  // countNeedBands
  async countBands(familyVersion: number, ruleVersion: number): Promise<number> {
    const [row] = await this.db.read("gaps/countNeedBands", {
      familyVersion: cypherInt(familyVersion),
      ruleVersion: cypherInt(ruleVersion),
    });
    return asInt(row?.["schools"]) ?? 0;
  }

  // findStoredNeedBands
  async findStoredBands(): Promise<StoredBand[]> {
    const rows = await this.db.read("gaps/findStoredNeedBands");
    return rows.flatMap((row) => {
      const band = NEED_BANDS.find((b) => b === asInt(row["band"]));
      return band === undefined
        ? []
        : [
            {
              urn: requireInt(row["urn"], "urn"),
              name: asString(row["name"]),
              band,
              ruleVersion: asInt(row["ruleVersion"]),
              details: strings(row["details"]),
            },
          ];
    });
  }

  // findNeedBandInputs
  async findInputs(familyVersion: number): Promise<NeedInput[]> {
    const rows = await this.db.read("gaps/findNeedBandInputs", {
      familyVersion: cypherInt(familyVersion),
    });
    return rows.map((row) => toNeedInput(row["school"], row["family"]));
  }

  /**
   * Writes every band, a batch per transaction as the importer does, each stamped with this
   * computation's time; then, in one last transaction, clears bands an earlier computation left
   * on schools this one did not band and records the run. Running servers reload their snapshot
   * when the run's time changes, so they see the old bands or the new, and a failure part-way is
   * mended by running again.
   */
  async replaceBands(
    assessments: readonly NeedAssessment[],
    familyVersion: number,
    ruleVersion: number,
    computedAt: Date = new Date(),
  ): Promise<void> {
    const stamp = computedAt.toISOString();
    const versions = {
      familyVersion: cypherInt(familyVersion),
      ruleVersion: cypherInt(ruleVersion),
    };
    for (let start = 0; start < assessments.length; start += NEED_BAND_BATCH_SIZE) {
      await this.db.write("gaps/writeNeedBands", {
        ...versions,
        computedAt: stamp,
        rows: assessments.slice(start, start + NEED_BAND_BATCH_SIZE).map((a) => ({
          urn: cypherInt(a.urn),
          band: cypherInt(a.band),
          points: cypherInt(a.points),
          reasons: a.reasons.map((r) => r.code),
          details: a.reasons.map((r) => r.detail),
          areas: a.areas,
        })),
      });
    }
    const counts = [0, 0, 0, 0];
    for (const a of assessments) counts[a.band - 1] = (counts[a.band - 1] as number) + 1;
    await this.db.writeTransaction(async (run) => {
      await run("gaps/clearStaleNeedBands", { computedAt: stamp });
      await run("gaps/mergeNeedBandRun", {
        ...versions,
        computedAt: stamp,
        schools: cypherInt(assessments.length),
        bandCounts: counts.map(cypherInt),
      });
    });
  }

  // findNeedByUrns
  async findNeedByUrns(urns: readonly number[]): Promise<Map<number, SchoolNeedRecord>> {
    const rows = await this.db.read("gaps/findNeedByUrns", { urns });
    const found = new Map<number, SchoolNeedRecord>();
    for (const row of rows) {
      const need = toSchoolNeed(row["need"]);
      if (need) found.set(requireInt(row["urn"], "urn"), need);
    }
    return found;
  }
}
