import { describe, expect, it } from "vitest";
import {
  assessNeed,
  assessNeeds,
  bandForPoints,
  needContext,
  type NeedContext,
  type NeedInput,
} from "./need-bands.js";

function primary(overrides: Partial<NeedInput> = {}): NeedInput {
  return {
    urn: 1,
    phase: "PRIMARY",
    ofstedGrade: 2,
    ofstedGradeBasis: "OVERALL_EFFECTIVENESS",
    ofstedDate: "2023-05-10",
    fsmPercent: 10,
    ks4Progress8Band: null,
    figures: {
      ks2ReadingProgress: 0,
      ks2WritingProgress: 0,
      ks2MathsProgress: 0,
      ks2RwmExpected: 60,
    },
    familyMedians: {
      ks2ReadingProgress: 0,
      ks2WritingProgress: 0,
      ks2MathsProgress: 0,
      ks2RwmExpected: 60,
    },
    ...overrides,
  };
}

/** FSM from 30 % counts as disadvantaged; England's medians sit at the family medians above. */
const CONTEXT: NeedContext = {
  disadvantageThreshold: new Map([
    ["PRIMARY", 30],
    ["SECONDARY", 30],
  ]),
  nationalMedian: new Map([
    [
      "PRIMARY",
      { ks2ReadingProgress: 0, ks2WritingProgress: 0, ks2MathsProgress: 0, ks2RwmExpected: 60 },
    ],
    ["SECONDARY", { ks4Progress8: 0, ks4Attainment8: 45 }],
  ]),
  asOf: "2026-01-15",
};

const codes = (input: NeedInput) => assessNeed(input, CONTEXT).reasons.map((r) => r.code);

describe("bandForPoints", () => {
  it.each([
    [0, 4],
    [1, 3],
    [2, 2],
    [3, 2],
    [4, 1],
    [7, 1],
  ])("when a school has %i points, then it is in band %i", (points, band) => {
    expect(bandForPoints(points)).toBe(band);
  });
});

describe("assessNeed", () => {
  it("when a good school matches its family and is not disadvantaged, then it is band 4 with no reasons", () => {
    const need = assessNeed(primary(), CONTEXT);

    expect(need).toMatchObject({ band: 4, points: 0, reasons: [], areas: [] });
  });

  it("when Ofsted judged the school inadequate, then it is band 1 whatever else holds", () => {
    const need = assessNeed(primary({ ofstedGrade: 4 }), CONTEXT);

    expect(need.band).toBe(1);
    expect(need.reasons.map((r) => r.code)).toEqual(["OFSTED_INADEQUATE"]);
    expect(need.areas).toEqual(["LEADERSHIP", "GOVERNANCE"]);
  });

  it("when the school requires improvement and nothing else, then it is band 2", () => {
    expect(assessNeed(primary({ ofstedGrade: 3 }), CONTEXT).band).toBe(2);
  });

  it.each([
    [
      "a recent overall grade",
      { ofstedGradeBasis: "OVERALL_EFFECTIVENESS", ofstedDate: "2023-05-10" },
      "Ofsted: Requires improvement (grade 3), inspected 10 May 2023",
    ],
    [
      "a judgement over four years old",
      { ofstedGradeBasis: "OVERALL_EFFECTIVENESS", ofstedDate: "2019-03-12" },
      "Ofsted: Requires improvement (grade 3), inspected 12 March 2019: an old judgement, 6 years ago",
    ],
    [
      "one just short of four years",
      { ofstedGradeBasis: "OVERALL_EFFECTIVENESS", ofstedDate: "2022-01-16" },
      "Ofsted: Requires improvement (grade 3), inspected 16 January 2022",
    ],
    [
      "a key judgement since September 2024",
      { ofstedGradeBasis: "LOWEST_KEY_JUDGEMENT", ofstedDate: "2025-02-04" },
      "Ofsted: Requires improvement in at least one key judgement (grade 3; no overall grade " +
        "since September 2024), inspected 4 February 2025",
    ],
    [
      "no inspection date",
      { ofstedGradeBasis: null, ofstedDate: null },
      "Ofsted: Requires improvement (grade 3), inspection date not held",
    ],
  ])("when the judgement is %s, then the reason says which and from when", (_, ofsted, detail) => {
    const need = assessNeed(primary({ ofstedGrade: 3, ...ofsted }), CONTEXT);

    expect(need.reasons).toEqual([expect.objectContaining({ detail, points: 2 })]);
  });

  it("when one outcome is below the family median by the 'below' threshold, then it is band 3", () => {
    const input = primary({
      figures: { ...primary().figures, ks2MathsProgress: -1.5 },
    });

    const need = assessNeed(input, CONTEXT);

    expect(need.band).toBe(3);
    expect(need.reasons[0]).toMatchObject({
      code: "KS2_MATHS_PROGRESS_BELOW_FAMILY",
      points: 1,
      detail: "KS2 maths progress -1.5 against a family median of 0.0: below similar schools",
    });
    expect(need.areas).toEqual(["MATHEMATICS"]);
  });

  it("when one outcome is well below its family's, then it is band 2", () => {
    const input = primary({ figures: { ...primary().figures, ks2ReadingProgress: -3 } });

    expect(assessNeed(input, CONTEXT)).toMatchObject({ band: 2, points: 2 });
  });

  it("when two outcomes are below the family's, then the pattern adds a point, weakest first", () => {
    const input = primary({
      figures: { ...primary().figures, ks2ReadingProgress: -1.3, ks2MathsProgress: -2.6 },
    });

    const need = assessNeed(input, CONTEXT);

    expect(need.points).toBe(3);
    expect(need.reasons.map((r) => r.code)).toEqual([
      "KS2_MATHS_PROGRESS_WELL_BELOW_FAMILY",
      "KS2_READING_PROGRESS_BELOW_FAMILY",
    ]);
    expect(need.areas).toEqual(["MATHEMATICS", "ENGLISH"]);
  });

  it("when the school requires improvement, is well below its family and disadvantaged, then it is band 1", () => {
    const input = primary({
      ofstedGrade: 3,
      ofstedGradeBasis: "OVERALL_EFFECTIVENESS",
      ofstedDate: "2022-11-02",
      fsmPercent: 45,
      figures: { ...primary().figures, ks2WritingProgress: -3 },
    });

    const need = assessNeed(input, CONTEXT);

    expect(need).toMatchObject({ band: 1, points: 5 });
    expect(need.areas).toEqual(["ENGLISH", "LEADERSHIP", "DISADVANTAGED_PUPILS"]);
  });

  it("when the school is below its family but above England's median, then the outcome does not count", () => {
    const input = primary({
      figures: { ...primary().figures, ks2MathsProgress: 2 },
      familyMedians: { ...primary().familyMedians, ks2MathsProgress: 5 },
    });

    expect(codes(input)).toEqual([]);
  });

  it("when only disadvantage applies, then it is band 3 with the threshold in the detail", () => {
    const need = assessNeed(primary({ fsmPercent: 30 }), CONTEXT);

    expect(need.band).toBe(3);
    expect(need.reasons[0]?.detail).toContain("from 30.0 %");
  });

  it("when the school is in no family, then outcomes are not compared and NO_FAMILY says so", () => {
    const input = primary({
      familyMedians: null,
      figures: { ...primary().figures, ks2MathsProgress: -9 },
    });

    expect(assessNeed(input, CONTEXT)).toMatchObject({ band: 4, points: 0 });
    expect(codes(input)).toEqual(["NO_FAMILY"]);
  });

  it("when a secondary's 2023/24 Progress 8 band is well below average, then it counts as an outcome well below", () => {
    const input: NeedInput = {
      urn: 2,
      phase: "SECONDARY",
      ofstedGrade: 2,
      ofstedGradeBasis: "OVERALL_EFFECTIVENESS",
      ofstedDate: "2022-11-02",
      fsmPercent: 10,
      ks4Progress8Band: "Well below average",
      figures: { ks4Progress8: 0, ks4Attainment8: 45 },
      familyMedians: { ks4Progress8: 0, ks4Attainment8: 45 },
    };

    expect(assessNeed(input, CONTEXT)).toMatchObject({ band: 2, points: 2 });
    expect(codes(input)).toEqual(["KS4_PROGRESS8_BAND_WELL_BELOW"]);
  });

  it("when a special school requires improvement, then SEND leads its areas", () => {
    const input: NeedInput = {
      urn: 3,
      phase: "SPECIAL",
      ofstedGrade: 3,
      ofstedGradeBasis: "OVERALL_EFFECTIVENESS",
      ofstedDate: "2022-11-02",
      fsmPercent: 10,
      ks4Progress8Band: null,
      figures: {},
      familyMedians: {},
    };

    expect(assessNeed(input, CONTEXT).areas).toEqual(["SEND", "LEADERSHIP"]);
  });

  it("when a school has no Ofsted grade and no outcome, then INSUFFICIENT_DATA is given", () => {
    const input = primary({ ofstedGrade: null, figures: {} });

    expect(codes(input)).toContain("INSUFFICIENT_DATA");
  });
});

describe("needContext and assessNeeds", () => {
  it("when schools are banded together, then the disadvantage threshold is their phase's upper quartile", () => {
    const inputs = [10, 20, 30, 40, 50].map((fsm, i) => primary({ urn: i + 1, fsmPercent: fsm }));

    expect(needContext(inputs).disadvantageThreshold.get("PRIMARY")).toBe(40);
    expect(assessNeeds(inputs).map((need) => need.band)).toEqual([4, 4, 4, 3, 3]);
  });
});
