import { describe, expect, it, vi } from "vitest";
import { ValidationError } from "../../errors/index.js";
import { argumentOf } from "../../errors/errors.fixtures.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { FeatureIndex } from "./feature-index.js";
import type { FamilyRecord } from "./family.model.js";
import { profile } from "./profile.fixture.js";
import type { SimilarityIndex } from "./similarity-index.js";
import type { SimilarityLoaders } from "./similarity.loaders.js";
import type { SchoolProfile } from "./similarity.model.js";
import type { SimilarityRepository } from "./similarity.repository.js";
import { seededRandom } from "./stats.js";
import { ALIKE_SCHOOLS } from "./features.js";
import {
  compareOutcomes,
  computeFamilies,
  familyCount,
  familyOf,
  schoolsDoingBetter,
  SimilarityService,
} from "./similarity.service.js";

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
    // Outcomes are summarised though not clustered on: need bands compare against them.
    expect(medians.ks2RwmExpected).toBe(75);
    const centroid = Object.fromEntries(family.centroid.map((c) => [c.feature, c.value]));
    expect(centroid.fsmPercent).toBeCloseTo(10, 9);
    expect(centroid.ealPercent).toBeCloseTo(5, 9);
    expect(centroid).not.toHaveProperty("ks2RwmExpected");
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

  it("when listing a family's members, then each has its distance to the centre, averaging to the family's", () => {
    const families = computeFamilies(new FeatureIndex(randomSchools(300, 5)), { targetSize: 30 });

    for (const family of families.byId.values()) {
      expect(family.distancesToCentroid).toHaveLength(family.members.length);
      expect([...family.members].sort((a, b) => a - b)).toEqual(family.members);
      const mean = family.distancesToCentroid.reduce((sum, d) => sum + d, 0) / family.size;
      expect(mean).toBeCloseTo(family.meanDistanceToCentroid, 12);
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

  it("when alike schools beat the school's progress, then lists them best first", () => {
    const better = schoolsDoingBetter(index, 1, "ks2MathsProgress");

    // School 1 scores 0; 2, 6 and 3 score 2, 1.5 and 1; 4 is worse and 5 has no figure.
    expect(better.map((school) => [school.urn, school.value, school.difference])).toEqual([
      [2, 2, 2],
      [6, 1.5, 1.5],
      [3, 1, 1],
    ]);
    // Identical intakes: as alike as can be, whatever their results.
    expect(better.every((school) => school.distance === 0)).toBe(true);
  });

  it("when the outcome is the Ofsted grade, then a lower grade counts as better", () => {
    const better = schoolsDoingBetter(index, 1, "ofstedGrade");

    expect(better.map((school) => [school.urn, school.value, school.difference])).toEqual([
      [2, 1, 1],
      [5, 1, 1],
    ]);
  });

  it("when the school's own figure is missing, then nothing can be said to beat it", () => {
    expect(schoolsDoingBetter(index, 5, "ks2MathsProgress")).toEqual([]);
  });

  it("when the URN is unknown, then returns an empty list", () => {
    expect(schoolsDoingBetter(index, 999, "ks2MathsProgress")).toEqual([]);
  });

  it("when the outcome is unknown or not measured in the phase, then rejects it naming outcome", () => {
    expect(argumentOf(() => schoolsDoingBetter(index, 1, "fsmPercent"))).toBe("outcome");
    expect(argumentOf(() => schoolsDoingBetter(index, 1, "ks4Progress8"))).toBe("outcome");
  });

  describe("among more schools than the alike pool", () => {
    // School 1 (FSM 40 %) and 60 others at FSM 40.5, 41, ... 70 %, each doing better at KS2 maths
    // the further its intake is from school 1's: the best results are the least alike.
    const schools = [
      profile({ urn: 1, fsmPercent: 40, ks2MathsProgress: -3, regionCode: "N", location: null }),
      ...Array.from({ length: 60 }, (_, i) =>
        profile({
          urn: 2 + i,
          fsmPercent: 40.5 + i / 2,
          ks2MathsProgress: -2 + i / 10,
          regionCode: i % 2 === 0 ? "N" : "S",
          location: { latitude: 53 + i / 100, longitude: -1.5 },
        }),
      ),
    ];
    const pool = new FeatureIndex(schools);

    it("when schools beyond the most alike do better, then only the most alike are ranked, and each says where it stands", () => {
      const better = schoolsDoingBetter(pool, 1, "ks2MathsProgress");
      const alike = pool.similar(1, { preset: "FAMILIES", first: ALIKE_SCHOOLS });

      expect(better).toHaveLength(ALIKE_SCHOOLS);
      expect(new Set(better.map((school) => school.urn))).toEqual(
        new Set(alike.map((school) => school.urn)),
      );
      // Ranked by how much better; the alike rank says how alike each one is.
      expect(better[0]).toMatchObject({ urn: 1 + ALIKE_SCHOOLS, alikeRank: ALIKE_SCHOOLS });
      expect(better.at(-1)).toMatchObject({ urn: 2, alikeRank: 1 });
      expect(better.map((school) => school.urn)).not.toContain(61);
    });

    it("when asked to stay in the region, then only the most alike in the region are ranked, keeping their alike rank", () => {
      const better = schoolsDoingBetter(pool, 1, "ks2MathsProgress", { sameRegion: true });
      const national = schoolsDoingBetter(pool, 1, "ks2MathsProgress");

      // Of the 50 most alike (URNs 2..51), those in region N: 2, 4, ... 50.
      expect(better).toHaveLength(25);
      expect(better).toEqual(
        national.filter((school) => pool.profile(school.urn)?.regionCode === "N"),
      );
      // A school of the region less alike than the 50 most alike is not brought in.
      expect(better.map((school) => school.urn)).not.toContain(60);
    });

    it("when both schools are located, then the km between them is shown; members of the family are flagged", () => {
      const from = schools.find((school) => school.urn === 3)!;
      const better = schoolsDoingBetter(pool, 2, "ks2MathsProgress", {
        familyMembers: new Set([2, 3]),
      });
      const nearest = better.find((school) => school.urn === 3)!;

      expect(nearest.distanceKm).toBeCloseTo(111.2 * (from.location!.latitude - 53), 0);
      expect(nearest.inFamily).toBe(true);
      expect(better.filter((school) => school.inFamily)).toHaveLength(1);
      expect(schoolsDoingBetter(pool, 1, "ks2MathsProgress")[0]?.distanceKm).toBeNull();
    });
  });
});

describe("compareOutcomes", () => {
  const index = new FeatureIndex([
    ...twoIntakes(),
    profile({ urn: 50, phase: "SECONDARY", ofstedGrade: 1 }),
  ]);

  it("when both figures are observed, then the difference is in the outcome's better direction", () => {
    const byOutcome = Object.fromEntries(
      compareOutcomes(index, 1, 2).map((comparison) => [comparison.outcome, comparison]),
    );

    // School 1: maths 0, Ofsted 2; school 2: maths 2, Ofsted 1 (better, though the grade is lower).
    expect(byOutcome.ks2MathsProgress).toEqual({
      outcome: "ks2MathsProgress",
      value: 2,
      referenceValue: 0,
      difference: 2,
    });
    expect(byOutcome.ofstedGrade).toMatchObject({ value: 1, referenceValue: 2, difference: 1 });
  });

  it("when either figure was imputed, then the difference is unknown rather than a gap to a median", () => {
    const maths = compareOutcomes(index, 1, 5).find((c) => c.outcome === "ks2MathsProgress");
    const fromMissing = compareOutcomes(index, 5, 1).find((c) => c.outcome === "ks2MathsProgress");

    expect(maths).toEqual({
      outcome: "ks2MathsProgress",
      value: null,
      referenceValue: 0,
      difference: null,
    });
    expect(fromMissing).toMatchObject({ value: 0, referenceValue: null, difference: null });
  });

  it("when comparing, then covers the outcomes of the reference school's phase in feature order", () => {
    expect(compareOutcomes(index, 1, 2).map((c) => c.outcome)).toEqual([
      "ks2ReadingProgress",
      "ks2WritingProgress",
      "ks2MathsProgress",
      "ks2RwmExpected",
      "ofstedGrade",
    ]);
    expect(compareOutcomes(index, 999, 1)).toEqual([]);
  });
});

describe("SimilarityService", () => {
  function serviceOver(schools: SchoolProfile[], memberUrns: number[] = []) {
    const index = new FeatureIndex(schools);
    const holder = { current: vi.fn(async () => ({ index, run: null, builtAt: 0 })) };
    const repository = {
      findFamilyMemberUrns: vi.fn(async () => memberUrns),
      findFamilyOfSchool: vi.fn(async () => null),
    };
    const service = new SimilarityService(
      holder as unknown as SimilarityIndex,
      repository as unknown as SimilarityRepository,
      {} as SimilarityLoaders,
    );
    return { service, holder, repository };
  }

  const family = (urn: number): FamilyRecord => ({
    id: "1:PRIMARY:1",
    version: 1,
    phase: "PRIMARY",
    number: 1,
    size: 6,
    meanDistanceToCentroid: 0,
    medians: [],
    urn,
    distanceToCentroid: 0,
    imputed: [],
  });

  it("when an argument is out of range, then BAD_USER_INPUT names it before the index is waited for", async () => {
    const { service, holder } = serviceOver(twoIntakes());

    await expect(service.similarSchools(1, { first: 101 })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
    await expect(
      service.similarSchools(1, {
        weights: [
          { feature: "pupils", weight: 1 },
          { feature: "pupils", weight: 2 },
        ],
      }),
    ).rejects.toMatchObject({ extensions: { argument: "weights" } });
    await expect(
      service.similarSchools(1, { preset: "CONTEXT", weights: [{ feature: "pupils", weight: 1 }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(holder.current).not.toHaveBeenCalled();
  });

  it("when the weights only cover features the phase lacks, then the error names weights in API terms", async () => {
    const { service } = serviceOver(twoIntakes());

    await expect(
      service.similarSchools(1, { weights: [{ feature: "ks4Progress8", weight: 1 }] }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("KS2_MATHS_PROGRESS"),
      extensions: { code: "BAD_USER_INPUT", argument: "weights" },
    });
  });

  it("when asked for similar schools, then the first nearest come back", async () => {
    const { service } = serviceOver(twoIntakes());

    const similar = await service.similarSchools(1, { first: 2, preset: "FAMILIES" });

    expect(similar).toHaveLength(2);
    expect(similar.every((school) => school.urn >= 2 && school.urn <= 6)).toBe(true);
  });

  it("when looking for schools doing better, then the most alike are compared, members of the stored family flagged, and cut to first", async () => {
    const { service, repository } = serviceOver(twoIntakes(), [1, 2, 3]);

    const better = await service.doingBetter(family(1), "ks2MathsProgress", 2, false);

    expect(repository.findFamilyMemberUrns).toHaveBeenCalledWith(1, 1);
    expect(better.map((school) => [school.urn, school.inFamily])).toEqual([
      [2, true],
      [6, false],
    ]);
  });

  it("when doingBetter's first is out of range, then it is rejected naming first", async () => {
    const { service } = serviceOver(twoIntakes());

    await expect(service.doingBetter(family(1), "ks2MathsProgress", 0, null)).rejects.toMatchObject(
      {
        extensions: { argument: "first" },
      },
    );
  });

  it("when comparing a member, then each outcome says whether it does better, or null when unknown", async () => {
    const { service } = serviceOver(twoIntakes());
    const member = {
      school: { urn: 2 } as SchoolRecord,
      referenceUrn: 1,
      distanceToCentroid: 0,
      imputed: [],
    };

    const outcomes = await service.outcomes(member);

    expect(outcomes.find((o) => o.outcome === "ks2MathsProgress")?.better).toBe(true);
    expect(outcomes.find((o) => o.outcome === "ks2ReadingProgress")?.better).toBeNull();
  });
});
