import { describe, expect, it } from "vitest";
import { PHASES } from "../schools/school.model.js";
import {
  activeColumns,
  checkOutcomeFeature,
  featuresForPhase,
  isOutcomeFeature,
  PRESETS,
  rawFeatureValue,
  resolveWeights,
  robustScale,
  ruralityOrdinal,
  validateWeights,
  weightsFromEntries,
} from "./features.js";
import { profile } from "./profile.fixture.js";
import { INTAKE_AND_SETTING_FEATURES } from "./similarity.fixtures.js";
import { argumentOf } from "../../errors/errors.fixtures.js";

describe("robustScale", () => {
  it("when the figures spread evenly, then centres on the median and scales by IQR / 1.349", () => {
    // Type-7 quartiles of 1..5 are 2 and 4, so the IQR is 2.
    const scale = robustScale([5, 1, 4, 2, 3]);

    expect(scale.median).toBe(3);
    expect(scale.scale).toBeCloseTo(2 / 1.349, 12);
  });

  it("when the IQR is 0, then falls back to the standard deviation", () => {
    // Quartiles of [1,2,2,2,2,2,3] are both 2; mean 2, population variance 2/7.
    const scale = robustScale([2, 2, 1, 2, 2, 3, 2]);

    expect(scale.median).toBe(2);
    expect(scale.scale).toBeCloseTo(Math.sqrt(2 / 7), 12);
  });

  it("when every figure is the same, then scales by 1", () => {
    expect(robustScale([7, 7, 7])).toEqual({ median: 7, scale: 1 });
  });

  it("when no school has the figure, then has no median", () => {
    expect(robustScale([])).toEqual({ median: null, scale: 1 });
  });
});

describe("ruralityOrdinal", () => {
  it("when given the RUC2011 codes, then orders them from 0 (A1) to 1 (E2) in sevenths", () => {
    const codes = ["A1", "B1", "C1", "C2", "D1", "D2", "E1", "E2"];

    expect(codes.map(ruralityOrdinal)).toEqual([0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1]);
  });

  it("when the code is lower-case or padded, then still reads it", () => {
    expect(ruralityOrdinal(" d1 ")).toBe(4 / 7);
  });

  it("when the code is unknown or missing, then returns null so it is imputed", () => {
    expect(ruralityOrdinal("F1")).toBeNull();
    expect(ruralityOrdinal(null)).toBeNull();
  });
});

describe("rawFeatureValue", () => {
  it("when a figure is not a finite number, then treats it as missing", () => {
    const school = profile({ urn: 1, pupils: Number.NaN, fsmPercent: 0, ruralUrbanCode: "E2" });

    expect(rawFeatureValue(school, "pupils")).toBeNull();
    expect(rawFeatureValue(school, "fsmPercent")).toBe(0);
    expect(rawFeatureValue(school, "rurality")).toBe(1);
  });
});

describe("featuresForPhase", () => {
  it("when the phase is primary, then compares KS2 outcomes and not KS4", () => {
    const features = featuresForPhase("PRIMARY");

    expect(features).toContain("ks2MathsProgress");
    expect(features).toContain("ofstedGrade");
    expect(features).not.toContain("ks4Progress8");
  });

  it("when the phase is secondary, then compares KS4 outcomes and not KS2", () => {
    const features = featuresForPhase("SECONDARY");

    expect(features).toContain("ks4Attainment8");
    expect(features).not.toContain("ks2RwmExpected");
  });

  it("when the phase has a KS4 cohort, then its KS2 prior attainment is a feature; not for primary or special", () => {
    expect(featuresForPhase("SECONDARY")).toContain("ks2PriorAttainment");
    expect(featuresForPhase("ALL_THROUGH")).toContain("ks2PriorAttainment");
    expect(featuresForPhase("PRIMARY")).not.toContain("ks2PriorAttainment");
    expect(featuresForPhase("SPECIAL")).not.toContain("ks2PriorAttainment");
  });

  it("when the phase is special, then the only outcome is the Ofsted grade", () => {
    expect(featuresForPhase("SPECIAL")).toEqual([...INTAKE_AND_SETTING_FEATURES, "ofstedGrade"]);
  });
});

describe("presets", () => {
  it("when CONTEXT is chosen, then weighs pupils 0.5, FSM 0.4 and SEN 0.1 as FBIT does", () => {
    expect(resolveWeights({ preset: "CONTEXT" }, "FAMILIES")).toEqual({
      pupils: 0.5,
      fsmPercent: 0.4,
      senPercent: 0.1,
    });
  });

  it("when FAMILIES is applied to any phase, then it weighs no outcome", () => {
    for (const phase of PHASES) {
      const { features } = activeColumns(phase, PRESETS.FAMILIES);

      expect(features.length).toBeGreaterThan(0);
      expect(features.filter((feature) => isOutcomeFeature(feature))).toEqual([]);
    }
  });

  it("when FAMILIES is applied to primaries, then uses intake and setting only", () => {
    expect(activeColumns("PRIMARY", PRESETS.FAMILIES).features).toEqual(
      INTAKE_AND_SETTING_FEATURES,
    );
  });

  it("when FAMILIES is applied to secondaries, then the intake's KS2 prior attainment is added", () => {
    const { features, weights } = activeColumns("SECONDARY", PRESETS.FAMILIES);

    expect(features).toEqual([...INTAKE_AND_SETTING_FEATURES, "ks2PriorAttainment"]);
    // Prior attainment weighs as much as disadvantage.
    expect(weights[6]).toBe(weights[1]);
  });

  it("when ALIKE_IN_RESULTS is applied to primaries, then uses intake and KS2 results", () => {
    const { features, weights } = activeColumns("PRIMARY", PRESETS.ALIKE_IN_RESULTS);

    expect(features).toEqual([
      "fsmPercent",
      "ealPercent",
      "senPercent",
      "ks2ReadingProgress",
      "ks2WritingProgress",
      "ks2MathsProgress",
      "ks2RwmExpected",
    ]);
    // Progress weighs 1 in total, as Progress 8 does for secondaries.
    expect(weights[3]! + weights[4]! + weights[5]!).toBeCloseTo(
      PRESETS.ALIKE_IN_RESULTS.ks4Progress8,
      12,
    );
  });

  it("when neither weights nor a preset is given, then uses the fallback preset", () => {
    expect(resolveWeights({}, "FAMILIES")).toBe(PRESETS.FAMILIES);
  });
});

describe("validateWeights", () => {
  it("when the weights are known and non-negative, then returns them", () => {
    expect(validateWeights({ pupils: 2, ealPercent: 0 })).toEqual({ pupils: 2, ealPercent: 0 });
  });

  it("when a feature name is unknown, then rejects it naming the argument", () => {
    expect(() => validateWeights({ pupils: 1, teachers: 1 })).toThrow(/unknown feature "teachers"/);
    expect(argumentOf(() => validateWeights({ teachers: 1 }, "weights"))).toBe("weights");
  });

  it("when a weight is negative or not finite, then rejects it naming the argument", () => {
    expect(argumentOf(() => validateWeights({ pupils: -0.5 }))).toBe("weights");
    expect(argumentOf(() => validateWeights({ pupils: Number.NaN }))).toBe("weights");
    expect(argumentOf(() => validateWeights({ pupils: Infinity }))).toBe("weights");
  });

  it("when no weight is above 0, then rejects them", () => {
    expect(argumentOf(() => validateWeights({ pupils: 0 }))).toBe("weights");
    expect(argumentOf(() => validateWeights({}))).toBe("weights");
  });

  it("when both weights and a preset are given, then rejects the ambiguity", () => {
    expect(
      argumentOf(() => resolveWeights({ weights: { pupils: 1 }, preset: "CONTEXT" }, "CONTEXT")),
    ).toBe("weights");
  });

  it("when the preset is unknown, then rejects it naming preset", () => {
    expect(argumentOf(() => resolveWeights({ preset: "NEIGHBOURS" }, "CONTEXT"))).toBe("preset");
  });
});

describe("weightsFromEntries", () => {
  it("when each feature is listed once, then gives the map of weights", () => {
    expect(
      weightsFromEntries([
        { feature: "pupils", weight: 2 },
        { feature: "fsmPercent", weight: 0.5 },
      ]),
    ).toEqual({ pupils: 2, fsmPercent: 0.5 });
  });

  it("when a feature is listed twice, then rejects the list naming the argument", () => {
    const twice = [
      { feature: "pupils", weight: 1 },
      { feature: "pupils", weight: 2 },
    ];
    expect(() => weightsFromEntries(twice)).toThrow(/"pupils" more than once/);
    expect(argumentOf(() => weightsFromEntries(twice, "weights"))).toBe("weights");
  });

  it("when the list is empty, then the map is empty and validateWeights rejects it", () => {
    expect(argumentOf(() => validateWeights(weightsFromEntries([])))).toBe("weights");
  });
});

describe("checkOutcomeFeature", () => {
  it("when the name is a context feature or unknown, then rejects it naming the argument", () => {
    expect(argumentOf(() => checkOutcomeFeature("pupils", "focus"))).toBe("focus");
    expect(argumentOf(() => checkOutcomeFeature("reading", "outcome"))).toBe("outcome");
    expect(checkOutcomeFeature("ofstedGrade", "focus")).toBe("ofstedGrade");
  });
});
