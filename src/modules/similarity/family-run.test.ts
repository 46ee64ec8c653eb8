import { describe, expect, it, vi } from "vitest";
import { FeatureIndex } from "./feature-index.js";
import {
  draftFamilyRun,
  overallQuality,
  runFamilies,
  runsToPrune,
  type FamilyRunEvent,
  type FamilyStore,
} from "./family-run.js";
import type { FamilyRunParameters, FamilyRunPhase } from "./family.model.js";
import { FAMILY_FEATURES_VERSION, OUTCOME_FEATURES } from "./features.js";
import { medianProperty } from "./family.model.js";
import { profile } from "./profile.fixture.js";
import { INTAKE_AND_SETTING_FEATURES } from "./similarity.fixtures.js";
import type { SchoolProfile } from "./similarity.model.js";
import { computeFamilies } from "./similarity.service.js";
import { ValidationError } from "../../errors/index.js";

/** Six advantaged and six disadvantaged primaries, and three secondaries. */
function schools(): SchoolProfile[] {
  const primaries = Array.from({ length: 12 }, (_, i) =>
    profile({
      urn: 1 + i,
      fsmPercent: i < 6 ? 10 + i : 50 + i,
      ealPercent: i < 6 ? 5 : 40,
      senPercent: i === 3 ? null : 10,
      ks2RwmExpected: i < 6 ? 75 : 50,
      ks2MathsProgress: i < 6 ? 1 : -2,
    }),
  );
  const secondaries = [101, 102, 103].map((urn, i) =>
    profile({
      urn,
      phase: "SECONDARY",
      fsmPercent: 20 + i,
      ks2PriorAttainment: 104 + i,
      ks4Progress8: i / 10,
    }),
  );
  return [...primaries, ...secondaries];
}

function phase(
  schools: number,
  meanDistanceToCentroid: number,
  silhouette: number | null,
  silhouetteSampleSize: number,
): FamilyRunPhase {
  return {
    phase: "PRIMARY",
    schools,
    families: 1,
    iterations: 1,
    converged: true,
    features: [],
    quality: { meanDistanceToCentroid, silhouette, silhouetteSampleSize },
  };
}

/** A store double holding runs in memory, recording the order of calls. */
function memoryStore(
  options: { current?: boolean; currentFeaturesVersion?: number; failWrite?: boolean } = {},
) {
  const calls: string[] = [];
  const store = {
    findProfiles: vi.fn(async () => {
      calls.push("findProfiles");
      return schools();
    }),
    findCurrentRun: vi.fn(async () =>
      options.current
        ? {
            version: 3,
            createdAt: "2025-01-01T00:00:00.000Z",
            featuresVersion: options.currentFeaturesVersion ?? FAMILY_FEATURES_VERSION,
          }
        : null,
    ),
    saveRun: vi.fn(async (_draft, save: Parameters<FamilyStore["saveRun"]>[1]) => {
      calls.push("saveRun");
      if (options.failWrite) throw new Error("disk full");
      save.onFamiliesWritten(2);
      save.elapsedMs();
      return 4;
    }),
    markCurrent: vi.fn(async () => {
      calls.push("markCurrent");
      return true;
    }),
  } satisfies FamilyStore;
  return { store, calls };
}

describe("overallQuality", () => {
  it("when phases differ in size, then the spread is weighted by schools and the silhouette by sample", () => {
    const quality = overallQuality([phase(300, 1, 0.2, 200), phase(100, 2, 0.6, 100)]);

    expect(quality.meanDistanceToCentroid).toBeCloseTo((300 * 1 + 100 * 2) / 400, 12);
    expect(quality.silhouette).toBeCloseTo((0.2 * 200 + 0.6 * 100) / 300, 12);
    expect(quality.silhouetteSampleSize).toBe(300);
  });

  it("when a phase has a single family, then it is left out of the silhouette but not the spread", () => {
    const quality = overallQuality([phase(100, 1, 0.5, 100), phase(50, 4, null, 50)]);

    expect(quality.silhouette).toBe(0.5);
    expect(quality.silhouetteSampleSize).toBe(100);
    expect(quality.meanDistanceToCentroid).toBeCloseTo(2, 12);
  });

  it("when no phase has a silhouette, then the run has none", () => {
    expect(overallQuality([phase(10, 1, null, 10)]).silhouette).toBeNull();
    expect(overallQuality([])).toEqual({
      meanDistanceToCentroid: 0,
      silhouette: null,
      silhouetteSampleSize: 0,
    });
  });
});

describe("draftFamilyRun", () => {
  const index = new FeatureIndex(schools());
  const families = computeFamilies(index, { targetSize: 6, seed: 7 });
  const draft = draftFamilyRun(index, families);

  it("when drafted, then the run records its settings, counts and every feature clustered on", () => {
    expect(draft.run).toMatchObject({
      featuresVersion: FAMILY_FEATURES_VERSION,
      seed: 7,
      targetSize: 6,
      preset: "FAMILIES",
      schools: 15,
      families: draft.families.length,
    });
    // FAMILIES features of the phases present, whether or not any school has the figure.
    expect(draft.run.features).toEqual([...INTAKE_AND_SETTING_FEATURES, "ks2PriorAttainment"]);
    expect(draft.run.features.some((feature) => OUTCOME_FEATURES.includes(feature as never))).toBe(
      false,
    );
    const parameters = JSON.parse(draft.run.parameters) as FamilyRunParameters;
    expect(parameters).toMatchObject({ seed: 7, targetSize: 6, maxIterations: 15 });
    expect(parameters.phases.map((p) => [p.phase, p.schools, p.families])).toEqual([
      ["PRIMARY", 12, 2],
      ["SECONDARY", 3, 1],
    ]);
  });

  it("when drafted, then every school is a member once, with its distance and imputed features", () => {
    const members = draft.families.flatMap((family) => family.members);

    expect(members.map((m) => m.urn).sort((a, b) => a - b)).toEqual(
      schools()
        .map((s) => s.urn)
        .sort((a, b) => a - b),
    );
    expect(members.find((m) => m.urn === 4)?.imputed).toContain("senPercent");
    expect(members.find((m) => m.urn === 1)?.imputed).not.toContain("senPercent");
    for (const family of draft.families) {
      const mean =
        family.members.reduce((sum, m) => sum + m.distanceToCentroid, 0) / family.members.length;
      expect(mean).toBeCloseTo(family.meanDistanceToCentroid, 12);
    }
  });

  it("when a median is missing, then it is left out rather than stored as null", () => {
    const primary = draft.families.find((family) => family.phase === "PRIMARY")!;
    const secondary = draft.families.find((family) => family.phase === "SECONDARY")!;

    expect(primary.medians).toHaveProperty("medianFsmPercent");
    expect(primary.medians).not.toHaveProperty("medianPupils");
    expect(Object.values(secondary.medians).every((value) => typeof value === "number")).toBe(true);
    expect(draft.families.map((family) => [family.phase, family.number])).toEqual([
      ["PRIMARY", 1],
      ["PRIMARY", 2],
      ["SECONDARY", 1],
    ]);
  });

  it("when outcomes are not clustered on, then each family still stores its members' outcome medians for need bands", () => {
    const primaries = draft.families.filter((family) => family.phase === "PRIMARY");
    const secondary = draft.families.find((family) => family.phase === "SECONDARY")!;

    for (const family of primaries) {
      expect(family.medians).toHaveProperty(medianProperty("ks2RwmExpected"));
      expect(family.medians).toHaveProperty(medianProperty("ks2MathsProgress"));
    }
    expect(secondary.medians[medianProperty("ks4Progress8")]).toBeCloseTo(0.1, 12);
    expect(secondary.medians[medianProperty("ks2PriorAttainment")]).toBe(105);
  });

  it("when the same schools and seed are drafted twice, then the drafts are identical", () => {
    const again = draftFamilyRun(index, computeFamilies(index, { targetSize: 6, seed: 7 }));
    expect(again).toEqual(draft);
  });
});

describe("runFamilies", () => {
  it("when it runs, then it reads, writes the run, and only then makes it current", async () => {
    const { store, calls } = memoryStore();
    const events: FamilyRunEvent[] = [];

    const outcome = await runFamilies(store, { targetSize: 6 }, (event) => events.push(event));

    expect(calls).toEqual(["findProfiles", "saveRun", "markCurrent"]);
    expect(store.markCurrent).toHaveBeenCalledWith(4);
    expect(outcome).toMatchObject({ status: "written", version: 4, schools: 15 });
    expect(events.map((event) => event.step)).toEqual([
      "read",
      "clustered",
      "clustered",
      "writing",
      "written",
      "current",
    ]);
  });

  it("when writing fails, then no run is made current", async () => {
    const { store } = memoryStore({ failWrite: true });

    await expect(runFamilies(store, {})).rejects.toThrow("disk full");
    expect(store.markCurrent).not.toHaveBeenCalled();
  });

  it("when --if-missing is asked and a run is current, then nothing is read or written", async () => {
    const { store, calls } = memoryStore({ current: true });

    const outcome = await runFamilies(store, { ifMissing: true });

    expect(outcome).toEqual({
      status: "skipped",
      current: {
        version: 3,
        createdAt: "2025-01-01T00:00:00.000Z",
        featuresVersion: FAMILY_FEATURES_VERSION,
      },
    });
    expect(calls).toEqual([]);
  });

  it("when --if-missing is asked and the current run was clustered on other features, then it computes a new run and makes it current", async () => {
    const { store, calls } = memoryStore({
      current: true,
      currentFeaturesVersion: FAMILY_FEATURES_VERSION - 1,
    });

    const outcome = await runFamilies(store, { ifMissing: true });

    expect(outcome.status).toBe("written");
    expect(calls).toEqual(["findProfiles", "saveRun", "markCurrent"]);
  });

  it("when --if-missing is asked and no run is current, then it computes", async () => {
    const { store } = memoryStore({ current: false });

    expect((await runFamilies(store, { ifMissing: true })).status).toBe("written");
  });

  it("when an option is out of range, then it fails before reading anything", async () => {
    const { store, calls } = memoryStore();

    await expect(runFamilies(store, { targetSize: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
  });
});

describe("runsToPrune", () => {
  const runs = [1, 2, 3, 4, 5].map((version) => ({ version, current: version === 2 }));

  it("when keeping the newest N, then older runs go but the current one stays", () => {
    expect(runsToPrune(runs, 2)).toEqual([3, 1]);
  });

  it("when keeping more runs than exist, then nothing goes; keeping 0 still keeps the newest", () => {
    expect(runsToPrune(runs, 10)).toEqual([]);
    expect(runsToPrune(runs, 0)).toEqual([4, 3, 1]);
  });
});
