import { describe, expect, it } from "vitest";
import { toFamily, toFamilyRun, toProfile } from "./similarity.repository.js";

describe("toProfile", () => {
  it("when a row has every figure, then each maps to the profile with its partnerships", () => {
    const profile = toProfile({
      urn: 100000,
      name: "The Aldgate School",
      phase: "PRIMARY",
      regionCode: "E12000007",
      laCode: 201,
      location: { latitude: 51.5, longitude: -0.08 },
      ruralUrbanCode: "A1",
      rural: false,
      sparse: false,
      pupils: 271,
      fsmPercent: 18.1,
      ks2MathsProgress: 1.2,
      ofstedGrade: 2,
      partnershipIds: ["gias-1", "gias-2"],
    });

    expect(profile).toMatchObject({
      urn: 100000,
      name: "The Aldgate School",
      phase: "PRIMARY",
      location: { latitude: 51.5, longitude: -0.08 },
      pupils: 271,
      fsmPercent: 18.1,
      ealPercent: null,
      ks2MathsProgress: 1.2,
      ofstedGrade: 2,
      partnershipIds: ["gias-1", "gias-2"],
    });
  });

  it("when a figure has the wrong type or the phase is unknown, then it reads as missing", () => {
    const profile = toProfile({ urn: 1, phase: "KINDERGARTEN", pupils: "271", location: null });

    expect(profile.phase).toBeNull();
    expect(profile.pupils).toBeNull();
    expect(profile.location).toBeNull();
    expect(profile.partnershipIds).toEqual([]);
  });

  it("when the URN is missing, then mapping fails loudly", () => {
    expect(() => toProfile({ phase: "PRIMARY" })).toThrow(/School.urn/);
  });
});

describe("toFamilyRun", () => {
  it("when a run node is read, then its figures, creation time and parameters come through", () => {
    const run = toFamilyRun({
      version: 2,
      createdAtMs: Date.UTC(2025, 0, 2, 3, 4, 5),
      current: true,
      seed: 1,
      targetSize: 50,
      preset: "FAMILIES",
      features: ["fsmPercent", "noSuchFeature"],
      parameters: JSON.stringify({ seed: 1, phases: [] }),
      schools: 100,
      families: 2,
      meanDistanceToCentroid: 0.7,
      silhouette: 0.2,
      silhouetteSampleSize: 100,
      durationMs: 1234,
    });

    expect(run).toMatchObject({
      version: 2,
      createdAt: "2025-01-02T03:04:05.000Z",
      current: true,
      features: ["fsmPercent"],
      parameters: { seed: 1, phases: [] },
      quality: { meanDistanceToCentroid: 0.7, silhouette: 0.2, silhouetteSampleSize: 100 },
      durationMs: 1234,
    });
  });

  it("when the parameters are not JSON this code wrote, then they read as null", () => {
    expect(toFamilyRun({ version: 1, parameters: "{oops" }).parameters).toBeNull();
    expect(toFamilyRun({ version: 1, parameters: "[]" }).parameters).toBeNull();
  });
});

describe("toFamily", () => {
  it("when a family is read, then medians cover every feature of its phase, null where not stored", () => {
    const family = toFamily(
      {
        id: "3:SECONDARY:7",
        version: 3,
        phase: "SECONDARY",
        number: 7,
        size: 48,
        meanDistanceToCentroid: 0.8,
        medianFsmPercent: 21.5,
        medianKs4Progress8: -0.1,
      },
      { version: 3, distanceToCentroid: 0.5, imputed: ["ealPercent"] },
      137000,
    );

    expect(family).toMatchObject({
      id: "3:SECONDARY:7",
      version: 3,
      number: 7,
      urn: 137000,
      distanceToCentroid: 0.5,
      imputed: ["ealPercent"],
    });
    const medians = Object.fromEntries(family.medians.map((m) => [m.feature, m.value]));
    expect(medians).toMatchObject({ fsmPercent: 21.5, ks4Progress8: -0.1, pupils: null });
    expect(medians).not.toHaveProperty("ks2MathsProgress");
  });
});
