import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows, series } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { PHASES } from "../schools/school.model.js";
import { JUDGEMENT_CELLS } from "../schools/school.repository.js";
import { SPECIALISMS, type Specialism } from "./system-leader.model.js";
import { type NeedAssessment, type NeedInput } from "./need-bands.js";
import { KS4_RULE, NEED_BANDS, type NeedBand } from "./support.rules.js";

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

/** A stored need band; any other value reads as null. */
export const needBand = cell.int.transform((band) => NEED_BANDS.find((b) => b === band) ?? null);

const Strings = cell.list(cell.string);

/** A graded inspection: overall effectiveness, else its lowest key judgement. */
const GradedInspectionMap = node(z.object({ date: cell.date, ...JUDGEMENT_CELLS })).transform(
  ({ date, overall, ...judgements }) => {
    if (overall !== null) return { date, grade: overall };
    const grades = Object.values(judgements).filter((grade) => grade !== null);
    return { date, grade: grades.length === 0 ? null : Math.max(...grades) };
  },
);

/**
 * A findNeedBandInputs row: what the need-band rule reads about a school, and its family.
 * Compiled (see z.compile): every state-funded school is read at once.
 */
const NeedInputRow = z.compile(
  z
    .object({
      school: z.object({
        urn: key.int,
        phase: cell.member(PHASES),
        ofstedGrade: cell.int,
        ofstedGradeBasis: cell.string,
        ofstedDate: cell.date,
        fsmPercent: cell.number,
        // Years that are not text are dropped; values and cohorts are by position.
        ks2RwmSeriesYears: Strings,
        ks2RwmSeriesValues: series(cell.number),
        ks2RwmSeriesCohorts: series(cell.int),
        ks4Year: cell.string,
        ks4Progress8: cell.number,
        ks4Progress8Lower: cell.number,
        ks4Progress8Upper: cell.number,
        ks4Pupils: cell.int,
        ks4Attainment8: cell.number,
        ks4SeriesYears: Strings,
        ks4SeriesProgress8: series(cell.number),
        // Newest first.
        graded: listOf(GradedInspectionMap),
        ungraded: listOf(cell.map(z.object({ date: cell.date, outcome: cell.string }))),
      }),
      family: cell.map(z.object({ id: cell.string, medianKs4Attainment8: cell.number })),
    })
    .transform(({ school: s, family: f }): NeedInput => {
      const ks2 = s.ks2RwmSeriesYears.flatMap((year, i) => {
        const rwm = s.ks2RwmSeriesValues[i] ?? null;
        return rwm === null ? [] : [{ year, rwm, cohort: s.ks2RwmSeriesCohorts[i] ?? null }];
      });
      const ofstedDate = s.ofstedDate;
      // The graded inspection before the latest: the newest one dated before it.
      const previous = s.graded.find(
        (i) => i.date !== null && ofstedDate !== null && i.date < ofstedDate,
      );
      const ungraded = s.ungraded[0] ?? null;
      const olderIndex = s.ks4SeriesYears.indexOf("2018/19");
      return {
        urn: s.urn,
        phase: s.phase,
        ofstedGrade: s.ofstedGrade,
        ofstedGradeBasis: s.ofstedGradeBasis,
        ofstedDate,
        previousGraded: previous?.date ? { date: previous.date, grade: previous.grade } : null,
        latestUngraded:
          ungraded && ungraded.date ? { date: ungraded.date, outcome: ungraded.outcome } : null,
        fsmPercent: s.fsmPercent,
        ks2,
        ks4:
          s.ks4Year === KS4_RULE.year
            ? {
                progress8: s.ks4Progress8,
                lower: s.ks4Progress8Lower,
                upper: s.ks4Progress8Upper,
                pupils: s.ks4Pupils,
                attainment8: s.ks4Attainment8,
              }
            : null,
        olderProgress8: olderIndex < 0 ? null : (s.ks4SeriesProgress8[olderIndex] ?? null),
        familyId: f ? f.id : null,
        familyAttainment8: f ? f.medianKs4Attainment8 : null,
      };
    }),
);

/** A school's need properties; null when it holds no band. */
const NeedMap = node(
  z.object({
    needBand,
    needPoints: cell.int,
    needReasons: Strings,
    needDetails: Strings,
    needAreas: cell.list(cell.member(SPECIALISMS)),
    needFamilyVersion: cell.int,
    needRuleVersion: cell.int,
    needComputedAt: cell.string,
  }),
).transform((p): SchoolNeedRecord | null =>
  p.needBand === null
    ? null
    : {
        band: p.needBand,
        points: p.needPoints,
        reasons: p.needReasons.map((code, i) => ({ code, detail: p.needDetails[i] ?? code })),
        areas: p.needAreas,
        familyVersion: p.needFamilyVersion,
        ruleVersion: p.needRuleVersion,
        computedAt: p.needComputedAt,
      },
);

const NeedRow = z.object({ urn: key.int, need: NeedMap });

const StoredBandRow = z.object({
  urn: key.int,
  name: cell.string,
  band: needBand,
  ruleVersion: cell.int,
  details: Strings,
});

const VersionRow = z.object({ version: cell.int });

const SchoolsCountRow = z.object({ schools: cell.int });

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
    return parseRow(VersionRow, row ?? {}, "gaps/findCurrentFamilyVersion").version;
  }

  // countNeedBands
  async countBands(familyVersion: number, ruleVersion: number): Promise<number> {
    const [row] = await this.db.read("gaps/countNeedBands", {
      familyVersion: cypherInt(familyVersion),
      ruleVersion: cypherInt(ruleVersion),
    });
    return parseRow(SchoolsCountRow, row ?? {}, "gaps/countNeedBands").schools ?? 0;
  }

  // findStoredNeedBands
  async findStoredBands(): Promise<StoredBand[]> {
    const rows = await this.db.read("gaps/findStoredNeedBands");
    return parseRows(StoredBandRow, rows, "gaps/findStoredNeedBands").flatMap(({ band, ...row }) =>
      band === null ? [] : [{ ...row, band }],
    );
  }

  // findNeedBandInputs
  async findInputs(familyVersion: number): Promise<NeedInput[]> {
    const rows = await this.db.read("gaps/findNeedBandInputs", {
      familyVersion: cypherInt(familyVersion),
    });
    return parseRows(NeedInputRow, rows, "gaps/findNeedBandInputs");
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
    for (const { urn, need } of parseRows(NeedRow, rows, "gaps/findNeedByUrns")) {
      if (need) found.set(urn, need);
    }
    return found;
  }
}
