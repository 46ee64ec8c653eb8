import { describe, expect, it } from "vitest";
import { DomainValidationError } from "./errors.js";
import { FeatureIndex } from "./feature-index.js";
import { profile } from "./profile.fixture.js";
import type { SchoolProfile } from "./similarity.model.js";
import { seededRandom } from "./stats.js";
import {
  computeFamilies,
  familyCount,
  familyOf,
  schoolsDoingBetter,
} from "./similarity.service.js";

function argumentOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.argument;
    throw error;
  }
  return undefined;
}

/**
 * Two intakes far apart: URNs 1..6 (low FSM, EAL, SEN; high attainment) and 11..16 (the
 * opposite). KS2 maths progress and Ofsted grades vary inside the first group only.
 */
function twoIntakes(): SchoolProfile[] {
  const maths = [0, 2, 1, -1, null, 1.5];
  const ofsted = [2, 1, 3, null, 1, 2];
  const advantaged = maths.map((ks2MathsProgress, i) =>
    profile({
      urn: 1 + i,
      fsmPercent: 10,
      ealPercent: 5,
      senPercent: 10,
      ks2RwmExpected: 75,
      ks2MathsProgress,
      ofstedGrade: ofsted[i] ?? null,
    }),
  );
  const disadvantaged = maths.map((_, i) =>
    profile({ urn: 11 + i, fsmPercent: 50, ealPercent: 40, senPercent: 20, ks2RwmExpected: 50 }),
  );
  return [...advantaged, ...disadvantaged];
}

function randomSchools(count: number, seed: number): SchoolProfile[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    profile({
      urn: 1000 + i,
      phase: i % 4 === 0 ? "SECONDARY" : "PRIMARY",
      fsmPercent: random() * 60,
      ealPercent: random() < 0.1 ? null : random() * 50,
      senPercent: random() * 25,
      ks2RwmExpected: random() * 100,
      ks2ReadingProgress: random() * 6 - 3,
      ks4Progress8: random() * 2 - 1,
      ks4Attainment8: 30 + random() * 30,
    }),
  );
}

describe("familyCount", () => {
  it("when given a target size, then k is n / target rounded, at least 1 and at most n", () => {
    expect(familyCount(100, 50)).toBe(2);
    expect(familyCount(74, 50)).toBe(1);
    expect(familyCount(75, 50)).toBe(2);
    expect(familyCount(10, 50)).toBe(1);
    expect(familyCount(3, 1)).toBe(3);
    expect(familyCount(16_800, 50)).toBe(336);
  });
});

describe("computeFamilies", () => {
  it("when two intakes differ clearly, then each becomes one family", () => {
    const families = computeFamilies(new FeatureIndex(twoIntakes()), { targetSize: 6 });

    const [primary] = families.phases;
    expect(primary!.k).toBe(2);
    expect(familyOf(families, 1)!.members).toEqual([1, 2, 3, 4, 5, 6]);
    expect(familyOf(families, 11)!.members).toEqual([11, 12, 13, 14, 15, 16]);
  });

  it("when the target size changes, then k follows round(n / target)", () => {
    const index = new FeatureIndex(randomSchools(400, 1));

    const families = computeFamilies(index, { targetSize: 20 });

    // 300 primaries and 100 secondaries.
    expect(families.phases.map((phase) => [phase.phase, phase.k])).toEqual([
      ["PRIMARY", 15],
      ["SECONDARY", 5],
    ]);
  });

  it("when run twice with the same seed, then every school gets the same family", () => {
    const schools = randomSchools(600, 2);

    const first = computeFamilies(new FeatureIndex(schools), { targetSize: 25, seed: 9 });
    const again = computeFamilies(new FeatureIndex(schools), { targetSize: 25, seed: 9 });
    const shuffled = computeFamilies(new FeatureIndex([...schools].reverse()), {
      targetSize: 25,
      seed: 9,
    });

    expect(again.assignments).toEqual(first.assignments);
    expect(shuffled.assignments).toEqual(first.assignments);
    expect(shuffled.phases).toEqual(first.phases);
    expect(again.phases.map((phase) => phase.quality)).toEqual(
      first.phases.map((phase) => phase.quality),
    );
  });

  it("when phases differ, then families never mix them and every school is in one", () => {
    const schools = randomSchools(200, 3);

    const families = computeFamilies(new FeatureIndex(schools), { targetSize: 10 });

    expect(families.assignments.size).toBe(200);
    for (const family of families.byId.values()) {
      const phases = new Set(family.members.map((urn) => schools[urn - 1000]!.phase));
      expect([...phases]).toEqual([family.phase]);
      expect(family.id.startsWith(`${family.phase}-`)).toBe(true);
    }
  });

  it("when describing a family, then gives medians of observed figures and the centre in raw units", () => {
    const schools = twoIntakes();

    const family = familyOf(computeFamilies(new FeatureIndex(schools), { targetSize: 6 }), 1)!;

    const medians = Object.fromEntries(family.medians.map((m) => [m.feature, m.value]));
    // Maths progress of 0, 2, 1, -1, 1.5 (one missing, left out): median 1.
    expect(medians.ks2MathsProgress).toBe(1);
    expect(medians.fsmPercent).toBe(10);
    expect(medians.pupils).toBeNull();
    const centroid = Object.fromEntries(family.centroid.map((c) => [c.feature, c.value]));
    expect(centroid.fsmPercent).toBeCloseTo(10, 9);
    expect(centroid.ks2RwmExpected).toBeCloseTo(75, 9);
  });

  it("when measuring quality, then the overall spread is the size-weighted mean of the families'", () => {
    const families = computeFamilies(new FeatureIndex(randomSchools(300, 4)), { targetSize: 30 });

    for (const phase of families.phases) {
      const count = phase.families.reduce((sum, family) => sum + family.size, 0);
      const weighted = phase.families.reduce(
        (sum, family) => sum + family.meanDistanceToCentroid * family.size,
        0,
      );
      expect(phase.quality.meanDistanceToCentroid).toBeCloseTo(weighted / count, 12);
      expect(phase.quality.silhouette).toBeGreaterThan(-1);
      expect(phase.quality.silhouetteSampleSize).toBe(Math.min(count, 2000));
    }
  });

  it("when a phase makes one family, then its silhouette is null", () => {
    const families = computeFamilies(new FeatureIndex(twoIntakes()), { targetSize: 50 });

    expect(families.phases[0]!.k).toBe(1);
    expect(families.phases[0]!.quality.silhouette).toBeNull();
  });

  it("when options are out of range, then rejects them naming the option", () => {
    const index = new FeatureIndex(twoIntakes());

    expect(argumentOf(() => computeFamilies(index, { targetSize: 0 }))).toBe("targetSize");
    expect(argumentOf(() => computeFamilies(index, { seed: -1 }))).toBe("seed");
    expect(argumentOf(() => computeFamilies(index, { maxIterations: 0 }))).toBe("maxIterations");
  });
});

describe("schoolsDoingBetter", () => {
  const index = new FeatureIndex(twoIntakes());
  const families = computeFamilies(index, { targetSize: 6 });

  it("when members beat the school's progress, then lists them best first", () => {
    const better = schoolsDoingBetter(index, families, 1, "ks2MathsProgress");

    // School 1 scores 0; 2, 6 and 3 score 2, 1.5 and 1; 4 is worse and 5 has no figure.
    expect(better.map((school) => [school.urn, school.value, school.difference])).toEqual([
      [2, 2, 2],
      [6, 1.5, 1.5],
      [3, 1, 1],
    ]);
    expect(better.every((school) => school.distance > 0)).toBe(true);
  });

  it("when the outcome is the Ofsted grade, then a lower grade counts as better", () => {
    const better = schoolsDoingBetter(index, families, 1, "ofstedGrade");

    expect(better.map((school) => [school.urn, school.value, school.difference])).toEqual([
      [2, 1, 1],
      [5, 1, 1],
    ]);
  });

  it("when the school's own figure is missing, then nothing can be said to beat it", () => {
    expect(schoolsDoingBetter(index, families, 5, "ks2MathsProgress")).toEqual([]);
  });

  it("when the URN is unknown, then returns an empty list", () => {
    expect(schoolsDoingBetter(index, families, 999, "ks2MathsProgress")).toEqual([]);
  });

  it("when the outcome is unknown or not measured in the phase, then rejects it naming outcome", () => {
    expect(argumentOf(() => schoolsDoingBetter(index, families, 1, "fsmPercent"))).toBe("outcome");
    expect(argumentOf(() => schoolsDoingBetter(index, families, 1, "ks4Progress8"))).toBe(
      "outcome",
    );
  });
});
