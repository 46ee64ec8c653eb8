import { describe, expect, it } from "vitest";
import { FEATURE_API_NAMES, withApiFeatureNames } from "./feature-names.js";
import { FEATURES } from "./features.js";

describe("FEATURE_API_NAMES", () => {
  it("when listed, then every feature has a distinct UPPER_SNAKE name", () => {
    const names = FEATURES.map((feature) => FEATURE_API_NAMES[feature]);

    expect(new Set(names).size).toBe(FEATURES.length);
    expect(names.every((name) => /^[A-Z][A-Z0-9_]*$/.test(name))).toBe(true);
  });
});

describe("withApiFeatureNames", () => {
  it("when a text names features, then only whole feature names are replaced", () => {
    expect(withApiFeatureNames("`weights.pupils` and ks2MathsProgress, not pupilsX")).toBe(
      "`weights.PUPILS` and KS2_MATHS_PROGRESS, not pupilsX",
    );
  });
});
