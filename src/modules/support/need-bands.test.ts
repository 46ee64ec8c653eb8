import { describe, expect, it } from "vitest";
import {
  assessNeed,
  assessNeeds,
  bandForPoints,
  needContext,
  type Ks2Year,
  type NeedContext,
  type NeedInput,
} from "./need-bands.js";

const FAMILY = "2:PRIMARY:1";

/** Results of 30 pupils a year at `rwm` % in each recent year. */
const years = (...rwm: number[]): Ks2Year[] =>
  rwm.map((value, i) => ({
    year: ["2022/23", "2023/24", "2024/25"][i] as string,
    rwm: value,
    cohort: 30,
  }));

function primary(overrides: Partial<NeedInput> = {}): NeedInput {
  return {
    urn: 1,
    phase: "PRIMARY",
    ofstedGrade: 2,
    ofstedGradeBasis: "OVERALL_EFFECTIVENESS",
    ofstedDate: "2023-05-10",
    previousGraded: null,
    latestUngraded: null,
    fsmPercent: 10,
    ks2: years(60, 60, 60),
    ks4: null,
    olderProgress8: null,
    familyId: FAMILY,
    familyAttainment8: null,
    ...overrides,
  };
}

function secondary(overrides: Partial<NeedInput> = {}): NeedInput {
  return primary({
    urn: 2,
    phase: "SECONDARY",
    ks2: [],
    ks4: { progress8: 0, lower: -0.2, upper: 0.2, pupils: 150, attainment8: 45 },
    familyId: "2:SECONDARY:1",
    familyAttainment8: 45,
    ...overrides,
  });
}

/** FSM from 30 % counts as disadvantaged; England and the family sit at 60 % every year. */
const CONTEXT: NeedContext = {
  disadvantageThreshold: new Map([
    ["PRIMARY", 30],
    ["SECONDARY", 30],
  ]),
  englandKs2: new Map([
    ["2022/23", 60],
    ["2023/24", 60],
    ["2024/25", 60],
  ]),
  familyKs2: new Map([
    [
      FAMILY,
      new Map([
        ["2022/23", 60],
        ["2023/24", 60],
        ["2024/25", 60],
      ]),
    ],
  ]),
  englandAttainment8: 45,
  asOf: "2026-01-15",
};

const need = (input: NeedInput, context: NeedContext = CONTEXT) => assessNeed(input, context);
const codes = (input: NeedInput, context?: NeedContext) =>
  need(input, context).reasons.map((r) => r.code);

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

describe("Ofsted", () => {
  it("when a good school matches similar schools and is not disadvantaged, then it is band 4 with no reasons", () => {
    expect(need(primary())).toMatchObject({ band: 4, points: 0, reasons: [], areas: [] });
  });

  it("when Ofsted judged the school inadequate, then it is band 1 whatever else holds", () => {
    const assessed = need(primary({ ofstedGrade: 4 }));

    expect(assessed.band).toBe(1);
    expect(assessed.reasons.map((r) => r.code)).toEqual(["OFSTED_INADEQUATE"]);
    expect(assessed.areas).toEqual(["LEADERSHIP", "GOVERNANCE"]);
  });

  it("when the school requires improvement and nothing else, then it is band 2", () => {
    expect(need(primary({ ofstedGrade: 3 })).band).toBe(2);
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
    expect(need(primary({ ofstedGrade: 3, ...ofsted })).reasons).toEqual([
      expect.objectContaining({ detail, points: 2 }),
    ]);
  });

  it("when it also required improvement at the previous graded inspection, then it is stuck: one more point", () => {
    const assessed = need(
      primary({ ofstedGrade: 3, previousGraded: { date: "2019-06-05", grade: 3 } }),
    );

    expect(assessed.points).toBe(3);
    expect(assessed.reasons[1]).toEqual({
      code: "OFSTED_STUCK",
      detail:
        "Also Requires improvement at the previous graded inspection (5 June 2019): below good twice running",
      points: 1,
      areas: ["LEADERSHIP"],
    });
  });

  it("when a good school's previous grade was below good, then it is not stuck", () => {
    expect(need(primary({ previousGraded: { date: "2019-06-05", grade: 3 } })).points).toBe(0);
  });

  it("when an ungraded inspection since the latest graded one raised concerns, then it adds a point; an older one does not", () => {
    const later = { date: "2024-03-01", outcome: "School remains Good (Concerns) - S5 Next" };
    const earlier = { date: "2022-03-01", outcome: later.outcome };

    expect(need(primary({ latestUngraded: later })).reasons).toEqual([
      expect.objectContaining({ code: "OFSTED_UNGRADED_CONCERNS", points: 1 }),
    ]);
    expect(need(primary({ latestUngraded: earlier })).reasons).toEqual([]);
  });

  it("when a school requiring improvement was later found improved, then that is said without points", () => {
    const assessed = need(
      primary({
        ofstedGrade: 3,
        latestUngraded: { date: "2024-03-01", outcome: "Improved significantly" },
      }),
    );

    expect(assessed.points).toBe(2);
    expect(assessed.reasons[1]).toMatchObject({ code: "OFSTED_UNGRADED_IMPROVED", points: 0 });
  });
});

describe("KS2 results over the recent years", () => {
  it("when results sit well below similar schools for three years, then the pattern alone is band 2 and names every year", () => {
    const assessed = need(primary({ ks2: years(35, 38, 40) }));

    expect(assessed).toMatchObject({ band: 2, points: 3, areas: ["ENGLISH", "MATHEMATICS"] });
    expect(assessed.reasons).toEqual([
      {
        code: "KS2_RWM_PERSISTENTLY_WELL_BELOW_FAMILY",
        detail:
          "KS2 reading, writing and maths at the expected standard: 35 % in 2022/23, 38 % in " +
          "2023/24 and 40 % in 2024/25 (30 pupils a year), against England 60 %, 60 % and 60 % " +
          "and similar schools (family median) 60 %, 60 % and 60 %: persistently well below " +
          "similar schools",
        points: 3,
        areas: ["ENGLISH", "MATHEMATICS"],
      },
    ]);
  });

  it("when persistently low results meet a good grade, then the school is still band 2; with a weak grade, band 1", () => {
    expect(need(primary({ ks2: years(40, 45, 48) })).band).toBe(2);
    expect(need(primary({ ks2: years(40, 45, 48), ofstedGrade: 3 })).band).toBe(1);
  });

  it("when results were low but the latest year is above England's and similar schools', then there is no pattern any more", () => {
    expect(need(primary({ ks2: years(35, 45, 70) })).points).toBe(0);
  });

  it("when a tiny cohort has one bad year among big good ones, then it does not dominate", () => {
    const ks2 = [
      { year: "2022/23", rwm: 58, cohort: 60 },
      { year: "2023/24", rwm: 11, cohort: 9 },
      { year: "2024/25", rwm: 58, cohort: 60 },
    ];

    expect(need(primary({ ks2 })).points).toBe(0);
  });

  it("when every year is small and far below, then it still counts: small cohorts do not hide a pattern", () => {
    const ks2 = years(20, 25, 22).map((y) => ({ ...y, cohort: 9 }));

    expect(codes(primary({ ks2 }))).toEqual(["KS2_RWM_PERSISTENTLY_WELL_BELOW_FAMILY"]);
  });

  it("when the whole family is low, then results far under England's are persistently low anyway", () => {
    const lowFamily: NeedContext = {
      ...CONTEXT,
      familyKs2: new Map([
        [
          FAMILY,
          new Map([
            ["2022/23", 30],
            ["2023/24", 30],
            ["2024/25", 30],
          ]),
        ],
      ]),
    };

    expect(codes(primary({ ks2: years(30, 30, 32) }), lowFamily)).toEqual([
      "KS2_RWM_PERSISTENTLY_LOW",
    ]);
  });

  it("when results are below similar schools but above England's, then they give no points", () => {
    const strongFamily: NeedContext = {
      ...CONTEXT,
      familyKs2: new Map([
        [
          FAMILY,
          new Map([
            ["2022/23", 85],
            ["2023/24", 85],
            ["2024/25", 85],
          ]),
        ],
      ]),
    };

    expect(need(primary({ ks2: years(65, 66, 64) }), strongFamily).points).toBe(0);
  });

  it("when only the latest year fell, then it is one low year to watch (band 3), not a pattern", () => {
    const assessed = need(primary({ ks2: years(62, 61, 30) }));

    expect(assessed.band).toBe(3);
    expect(assessed.reasons[0]?.detail).toMatch(/one low year, not yet a pattern: watch$/);
  });

  it("when a school has one year of results, then there is no pattern to judge", () => {
    expect(need(primary({ ks2: [{ year: "2024/25", rwm: 45, cohort: 30 }] })).points).toBe(0);
  });

  it("when results are only from 2018/19 and before, then they are not recent evidence", () => {
    const ks2 = [
      { year: "2017/18", rwm: 20, cohort: 30 },
      { year: "2018/19", rwm: 20, cohort: 30 },
    ];

    expect(codes(primary({ ks2, ofstedGrade: null }))).toEqual(["INSUFFICIENT_DATA"]);
  });
});

describe("KS4 results", () => {
  it("when Progress 8 is well below with its interval under 0, then it is band 2 and shows the interval and 2018/19 as older evidence", () => {
    const assessed = need(
      secondary({
        ks4: { progress8: -0.71, lower: -0.95, upper: -0.47, pupils: 120, attainment8: 40 },
        olderProgress8: -0.42,
      }),
    );

    expect(assessed).toMatchObject({ band: 2, points: 2 });
    expect(assessed.reasons[0]).toMatchObject({
      code: "KS4_PROGRESS8_WELL_BELOW",
      detail:
        "KS4 Progress 8 -0.71 in 2023/24, 95 % interval -0.95 to -0.47, 120 pupils: well below " +
        "average (older evidence: -0.42 in 2018/19)",
    });
  });

  it("when the interval reaches 0, then a negative Progress 8 is not evidence", () => {
    const ks4 = { progress8: -0.3, lower: -0.7, upper: 0.1, pupils: 40, attainment8: 44 };

    expect(need(secondary({ ks4 })).points).toBe(0);
  });

  it("when the interval is below 0 but Progress 8 above -0.5, then it is below average: one point", () => {
    const ks4 = { progress8: -0.3, lower: -0.5, upper: -0.1, pupils: 200, attainment8: 44 };

    expect(codes(secondary({ ks4 }))).toEqual(["KS4_PROGRESS8_BELOW"]);
  });

  it("when Attainment 8 is well below similar schools' and England's, then it adds a point", () => {
    const ks4 = { progress8: -0.1, lower: -0.3, upper: 0.1, pupils: 150, attainment8: 33 };

    expect(codes(secondary({ ks4, familyAttainment8: 43 }))).toEqual([
      "KS4_ATTAINMENT8_WELL_BELOW_FAMILY",
    ]);
  });
});

describe("disadvantage, special schools and missing evidence", () => {
  it("when FSM is in the top quarter of the phase, then it adds a point with the year of the figure", () => {
    expect(need(primary({ fsmPercent: 45 })).reasons).toEqual([
      expect.objectContaining({
        code: "HIGH_DISADVANTAGE",
        detail:
          "45.0 % of pupils eligible for free school meals (2022/23): in the most disadvantaged " +
          "quarter of primary schools (from 30.0 %)",
        points: 1,
      }),
    ]);
  });

  it("when a special school requires improvement, then SEND leads its areas", () => {
    const input = primary({ phase: "SPECIAL", ofstedGrade: 3, ks2: [], familyId: null });

    expect(need(input).areas).toEqual(["SEND", "LEADERSHIP"]);
  });

  it("when a primary is in no family, then results are compared with England only, and it says so", () => {
    expect(codes(primary({ familyId: null, ks2: years(30, 30, 30) }))).toEqual([
      "NO_FAMILY",
      "KS2_RWM_PERSISTENTLY_LOW",
    ]);
  });

  it("when a school has no Ofsted grade and no recent results, then INSUFFICIENT_DATA is given", () => {
    expect(codes(primary({ ofstedGrade: null, ks2: [] }))).toContain("INSUFFICIENT_DATA");
  });
});

describe("needContext and assessNeeds", () => {
  it("when schools are banded together, then the disadvantage threshold is their phase's upper quartile", () => {
    const inputs = [10, 20, 30, 40, 50].map((fsm, i) => primary({ urn: i + 1, fsmPercent: fsm }));

    expect(needContext(inputs).disadvantageThreshold.get("PRIMARY")).toBe(40);
    expect(assessNeeds(inputs).map((assessed) => assessed.band)).toEqual([4, 4, 4, 3, 3]);
  });

  it("when England's KS2 figure is worked out, then it counts pupils, not schools", () => {
    const inputs = [
      primary({ urn: 1, ks2: [{ year: "2024/25", rwm: 80, cohort: 90 }] }),
      primary({ urn: 2, ks2: [{ year: "2024/25", rwm: 20, cohort: 10 }] }),
    ];

    expect(needContext(inputs).englandKs2.get("2024/25")).toBeCloseTo(74);
  });

  it("when a family has fewer than five schools with results in a year, then it has no median that year", () => {
    const inputs = [1, 2, 3, 4].map((urn) => primary({ urn, ks2: years(50, 50, 50) }));
    const five = [...inputs, primary({ urn: 5, ks2: [{ year: "2024/25", rwm: 10, cohort: 30 }] })];

    expect([...(needContext(inputs).familyKs2.get(FAMILY) ?? new Map())]).toEqual([]);
    expect([...(needContext(five).familyKs2.get(FAMILY) ?? new Map())]).toEqual([["2024/25", 50]]);
  });

  it("when phases and families are interleaved, then each threshold and family median comes from its own schools only", () => {
    const OTHER = "2:PRIMARY:2";
    const inputs = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? primary({
            urn: i,
            fsmPercent: i,
            familyId: i % 4 === 0 ? FAMILY : OTHER,
            ks2: years(i, i, i),
          })
        : secondary({ urn: i, fsmPercent: 100 - i }),
    );

    const context = needContext(inputs);

    // Primaries: FSM 0, 2, ..., 38; secondaries: 61, 63, ..., 99.
    expect(context.disadvantageThreshold.get("PRIMARY")).toBeCloseTo(28.5);
    expect(context.disadvantageThreshold.get("SECONDARY")).toBeCloseTo(89.5);
    // FAMILY: 0, 4, ..., 36 (median 18); OTHER: 2, 6, ..., 38 (median 20).
    expect(context.familyKs2.get(FAMILY)?.get("2024/25")).toBe(18);
    expect(context.familyKs2.get(OTHER)?.get("2024/25")).toBe(20);
  });
});
