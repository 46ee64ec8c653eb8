/**
 * Families are made on context only, and are as alike in intake as a plain nearest-neighbour
 * search would make them. The current run is read from the real database (the test global setup
 * runs `tsx scripts/families.ts --if-missing`, which recomputes when the feature set changed);
 * nothing is written.
 *
 * The reference: for each of 40 schools picked by hashing their URNs (20 primaries, 20
 * secondaries), its nearest schools of the same phase by plain z-scores (mean and standard
 * deviation over the phase) of the features the run clustered that phase on, every feature
 * weighing the same, as many as the school has fellow family members. Both are measured on the
 * raw figures read here from the graph: the mean over the 40 of the members' mean |ΔFSM %|,
 * |ΔEAL %| and, for secondaries, |Δ KS2 prior attainment|. Families may be at most 25 % worse.
 */
import { createHash } from "node:crypto";
import neo4j from "neo4j-driver";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FAMILY_FEATURES_VERSION,
  isOutcomeFeature,
  ruralityOrdinal,
  type FeatureName,
} from "../../src/modules/similarity/features.js";
import type { FamilyRunRecord } from "../../src/modules/similarity/family.model.js";
import { SimilarityRepository } from "../../src/modules/similarity/similarity.repository.js";
import { useApi } from "../helpers/api.js";

const api = useApi();
const SCHOOLS_PER_PHASE = 20;
/** How much worse than the nearest-neighbour reference families may be on a checked figure. */
const TOLERANCE = 1.25;

interface RunSchool {
  urn: number;
  family: string;
  figures: Record<FeatureName, number | null>;
}

let run: FamilyRunRecord;

beforeAll(async () => {
  const current = (await new SimilarityRepository(api().db).findRuns()).find((r) => r.current);
  if (!current) {
    throw new Error(
      "No current families run: run `npx tsx scripts/families.ts --if-missing` (the test global setup does).",
    );
  }
  run = current;
});

/** Every school of `phase` in the run, with its family and raw figures. */
async function schoolsOfRun(phase: string): Promise<RunSchool[]> {
  const { records } = await api().db.driver.executeQuery(
    `MATCH (s:School)-[m:IN_FAMILY]->(f:Family)
     WHERE m.version = $version AND f.phase = $phase
     RETURN s.urn AS urn, f.id AS family, s.pupils AS pupils, s.fsmPercent AS fsmPercent,
       s.ealPercent AS ealPercent, s.senPercent AS senPercent, s.idaciScore AS idaciScore,
       s.ruralUrbanCode AS ruralUrbanCode, s.ks2PriorAttainment AS ks2PriorAttainment`,
    { version: neo4j.int(run.version), phase },
  );
  const number = (value: unknown) => (value === null ? null : Number(value));
  return records.map((record) => ({
    urn: Number(record.get("urn")),
    family: record.get("family") as string,
    figures: {
      pupils: number(record.get("pupils")),
      fsmPercent: number(record.get("fsmPercent")),
      ealPercent: number(record.get("ealPercent")),
      senPercent: number(record.get("senPercent")),
      idaciScore: number(record.get("idaciScore")),
      rurality: ruralityOrdinal(record.get("ruralUrbanCode") as string | null),
      ks2PriorAttainment: number(record.get("ks2PriorAttainment")),
    } as Record<FeatureName, number | null>,
  }));
}

function hashed(urn: number): string {
  return createHash("sha256").update(`context-families:${urn}`).digest("hex");
}

/** Plain z-scores of each feature over the schools; a missing figure scores 0 (the mean). */
function zScores(schools: readonly RunSchool[], features: readonly FeatureName[]): number[][] {
  const scales = features.map((feature) => {
    const values = schools.flatMap((s) =>
      s.figures[feature] === null ? [] : [s.figures[feature]],
    );
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    return { mean, sd: Math.sqrt(variance) || 1 };
  });
  return schools.map((s) =>
    features.map((feature, f) => {
      const value = s.figures[feature];
      return value === null ? 0 : (value - scales[f]!.mean) / scales[f]!.sd;
    }),
  );
}

/** The mean over `groups` of each group's mean |Δ figure| from its school (observed figures only). */
function meanGap(
  pairs: readonly { school: RunSchool; group: readonly RunSchool[] }[],
  feature: FeatureName,
): number {
  const perSchool = pairs.map(({ school, group }) => {
    const own = school.figures[feature]!;
    const gaps = group.flatMap((other) =>
      other.figures[feature] === null ? [] : [Math.abs(other.figures[feature] - own)],
    );
    return gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  });
  return perSchool.reduce((sum, gap) => sum + gap, 0) / perSchool.length;
}

describe("the current families run", () => {
  it("when its features are read, then they hold no outcome and are the current feature version", () => {
    expect(run.featuresVersion).toBe(FAMILY_FEATURES_VERSION);
    expect(run.features.length).toBeGreaterThan(0);
    expect(run.features.filter(isOutcomeFeature)).toEqual([]);
    for (const phase of run.parameters?.phases ?? []) {
      expect(phase.features.map((f) => f.feature).filter(isOutcomeFeature)).toEqual([]);
    }
    expect(run.features).toContain("fsmPercent");
    expect(run.features).toContain("ks2PriorAttainment");
  });

  it("when its families are read, then they still carry the outcome medians need bands compare with", async () => {
    const { records } = await api().db.driver.executeQuery(
      `MATCH (f:Family)-[:IN_RUN]->(:FamilyRun {version: $version})
       RETURN f.phase AS phase, count(*) AS families,
         count(f.medianKs2RwmExpected) AS ks2, count(f.medianKs4Progress8) AS ks4`,
      { version: neo4j.int(run.version) },
    );
    const byPhase = new Map(records.map((r) => [r.get("phase") as string, r]));
    const primary = byPhase.get("PRIMARY")!;
    const secondary = byPhase.get("SECONDARY")!;

    // Nearly every family has members with published results (a family of newly opened schools may not).
    expect(Number(primary.get("ks2"))).toBeGreaterThan(0.95 * Number(primary.get("families")));
    expect(Number(secondary.get("ks4"))).toBeGreaterThan(0.95 * Number(secondary.get("families")));
  });

  describe.each([
    { phase: "PRIMARY", checked: ["fsmPercent", "ealPercent"] as FeatureName[] },
    {
      phase: "SECONDARY",
      checked: ["fsmPercent", "ealPercent", "ks2PriorAttainment"] as FeatureName[],
    },
  ])("for $phase schools picked by hashing their URNs", ({ phase, checked }) => {
    it(`when family members are compared with each school's plain z-scored nearest neighbours, then they are no more than 25 % further apart on ${checked.join(", ")}`, async () => {
      const schools = await schoolsOfRun(phase);
      const features = (run.parameters?.phases.find((p) => p.phase === phase)?.features ?? []).map(
        (f) => f.feature,
      );
      const z = zScores(schools, features);
      const byFamily = new Map<string, RunSchool[]>();
      for (const s of schools) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
      // A school alone in its family has no members to measure, so it cannot be picked.
      const picked = schools
        .filter((s) => checked.every((feature) => s.figures[feature] !== null))
        .filter((s) => byFamily.get(s.family)!.length > 1)
        .sort((a, b) => hashed(a.urn).localeCompare(hashed(b.urn)))
        .slice(0, SCHOOLS_PER_PHASE);

      const families = picked.map((school) => ({
        school,
        group: byFamily.get(school.family)!.filter((member) => member.urn !== school.urn),
      }));
      const references = families.map(({ school, group }) => {
        const self = schools.indexOf(school);
        const nearest = schools
          .map((other, row) => ({
            other,
            distance:
              row === self
                ? Infinity
                : z[row]!.reduce((sum, value, f) => sum + (value - z[self]![f]!) ** 2, 0),
          }))
          .sort((a, b) => a.distance - b.distance || a.other.urn - b.other.urn)
          .slice(0, group.length)
          .map(({ other }) => other);
        return { school, group: nearest };
      });

      expect(features).toEqual(expect.arrayContaining(checked));
      expect(picked).toHaveLength(SCHOOLS_PER_PHASE);
      for (const feature of checked) {
        const family = meanGap(families, feature);
        const reference = meanGap(references, feature);
        expect
          .soft(
            family,
            `${phase} ${feature}: families ${family.toFixed(2)}, nearest neighbours ${reference.toFixed(2)}`,
          )
          .toBeLessThanOrEqual(TOLERANCE * reference);
      }
    });
  });
});
