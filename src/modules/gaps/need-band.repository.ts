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
  NEED_BANDS,
  NEED_MEASURES,
  type NeedAssessment,
  type NeedBand,
  type NeedInput,
  type NeedMeasure,
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

function medianProperty(measure: NeedMeasure): string {
  return `median${measure.charAt(0).toUpperCase()}${measure.slice(1)}`;
}

function strings(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const text = asString(item);
    return text === null ? [] : [text];
  });
}

export function toNeedInput(schoolValue: unknown, familyValue: unknown): NeedInput {
  const s = asProperties(schoolValue) ?? {};
  const f = asProperties(familyValue);
  const figures: { [M in NeedMeasure]?: number | null } = {};
  const medians: { [M in NeedMeasure]?: number | null } = {};
  for (const measure of NEED_MEASURES) {
    figures[measure] = asNumber(s[measure]);
    if (f) medians[measure] = asNumber(f[medianProperty(measure)]);
  }
  return {
    urn: requireInt(s["urn"], "School.urn"),
    phase: asMember(PHASES, s["phase"]),
    ofstedGrade: asInt(s["ofstedGrade"]),
    ofstedGradeBasis: asString(s["ofstedGradeBasis"]),
    ofstedDate: asDate(s["ofstedDate"]),
    fsmPercent: asNumber(s["fsmPercent"]),
    ks4Progress8Band: asString(s["ks4Progress8Band"]),
    figures,
    familyMedians: f ? medians : null,
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
