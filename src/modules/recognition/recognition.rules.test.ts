import { describe, expect, it } from "vitest";
import { recognitionEngagement } from "./recognition.fixtures.js";
import type { Ks2RwmSeries, RecognitionEngagement } from "./recognition.model.js";
import {
  OUTCOME_FACTOR_STEP,
  academicYearOf,
  outcomeFactorOf,
  outcomeYears,
  recognise,
  scoreEngagement,
  wholeMonths,
  withholdSchool,
} from "./recognition.rules.js";

const TODAY = "2026-11-22";
const NO_CHANGES = new Map<string, number>();

/** Band 1, IDACI decile 1, twelve whole months, no KS2 series: 2 × 1.5 × 12 × 1 = 36 points. */
function engagement(overrides: Partial<RecognitionEngagement> = {}): RecognitionEngagement {
  return recognitionEngagement({ start: "2024-01-15", end: "2025-01-15", ks2: null, ...overrides });
}

const SERIES: Ks2RwmSeries = {
  years: ["2017/18", "2018/19", "2022/23", "2023/24", "2024/25"],
  values: [50, 52, 48, 55, 60],
};

describe("dates", () => {
  it("when a date is in September or later, then its academic year starts that calendar year", () => {
    expect(academicYearOf("2022-09-01")).toBe(2022);
    expect(academicYearOf("2023-08-31")).toBe(2022);
  });

  it("when counting months, then only whole calendar months count", () => {
    expect(wholeMonths("2024-01-15", "2024-02-15")).toBe(1);
    expect(wholeMonths("2024-01-31", "2024-02-28")).toBe(0);
    expect(wholeMonths("2022-10-01", "2023-06-30")).toBe(8);
    expect(wholeMonths("2024-05-01", "2024-01-01")).toBe(0);
  });

  it("when support starts on a day the end month lacks, then the month is whole on that month's last day", () => {
    expect(wholeMonths("2024-08-31", "2024-09-30")).toBe(1);
    expect(wholeMonths("2024-08-31", "2024-09-29")).toBe(0);
    expect(wholeMonths("2024-01-31", "2024-02-29")).toBe(1);
    expect(wholeMonths("2025-01-30", "2025-02-28")).toBe(1);
    expect(wholeMonths("2024-01-31", "2024-04-30")).toBe(3);
    const shortMonth = scoreEngagement(
      engagement({ start: "2024-08-31", end: "2024-09-30" }),
      NO_CHANGES,
      TODAY,
    );
    expect([shortMonth.counted, shortMonth.months, shortMonth.points]).toEqual([true, 1, 3]);
  });
});

describe("points of one engagement", () => {
  it("when the school is in band 1 and IDACI decile 1 for twelve months, then 2 × 1.5 × 12 = 36", () => {
    const scored = scoreEngagement(engagement(), NO_CHANGES, TODAY);

    expect(scored).toMatchObject({
      counted: true,
      needWeight: 2,
      deprivationWeight: 1.5,
      months: 12,
      countedMonths: 12,
      outcomeFactor: 1,
      points: 36,
    });
    expect(scored.reason).toBe(
      "Need band 1 (2) × IDACI decile 1 (1.5) × 12 months × outcome 1 (outcome not yet measurable) = 36 points.",
    );
  });

  it("when the school is in band 2, then the need weight is 1: 1 × 1.5 × 12 = 18", () => {
    expect(scoreEngagement(engagement({ needBand: 2 }), NO_CHANGES, TODAY).points).toBe(18);
  });

  it("when the IDACI decile is 2 or 3, then the deprivation weight is 1.25 or 1", () => {
    expect(scoreEngagement(engagement({ idaciDecile: 2 }), NO_CHANGES, TODAY).points).toBe(30);
    expect(scoreEngagement(engagement({ idaciDecile: 3 }), NO_CHANGES, TODAY).points).toBe(24);
  });

  it("when there is no IDACI decile and FSM is above 30%, then it counts with weight 1", () => {
    const scored = scoreEngagement(
      engagement({ idaciDecile: null, fsmPercent: 30.5 }),
      NO_CHANGES,
      TODAY,
    );

    expect(scored).toMatchObject({ counted: true, deprivationWeight: 1, points: 24 });
    expect(scored.reason).toContain("no IDACI decile, 30.5% FSM (1)");
  });

  it("when support lasted 36 months, then only 24 count: 2 × 1.5 × 24 = 72", () => {
    const scored = scoreEngagement(
      engagement({ start: "2021-01-15", end: "2024-01-15" }),
      NO_CHANGES,
      TODAY,
    );

    expect(scored).toMatchObject({ months: 36, countedMonths: 24, points: 72 });
    expect(scored.reason).toContain("24 months (capped from 36)");
  });

  it("when the engagement is open, or ends after today, then its months run to today", () => {
    const open = scoreEngagement(engagement({ start: "2025-11-22", end: null }), NO_CHANGES, TODAY);
    const endsLater = scoreEngagement(
      engagement({ start: "2025-11-22", end: "2027-01-01" }),
      NO_CHANGES,
      TODAY,
    );

    expect(open).toMatchObject({ open: true, months: 12, points: 36 });
    expect(endsLater).toMatchObject({ open: true, months: 12, points: 36 });
  });
});

describe("engagements not counted", () => {
  it.each([
    [
      { needBand: 4 },
      "NEED_NOT_LOW",
      "Not counted: the school is in need band 4 (only bands 1 and 2 count).",
    ],
    [
      { needBand: 3 },
      "NEED_NOT_LOW",
      "Not counted: the school is in need band 3 (only bands 1 and 2 count).",
    ],
    [{ needBand: null }, "NEED_BAND_UNKNOWN", "Not counted: the school has no need band."],
    [
      { idaciDecile: 4 },
      "NOT_DISADVANTAGED",
      "Not counted: the school is in IDACI decile 4 (only deciles 1 to 3 count).",
    ],
    [
      { idaciDecile: null, fsmPercent: 30 },
      "NOT_DISADVANTAGED",
      "Not counted: the school has no IDACI decile and 30% free school meals (more than 30% counts).",
    ],
    [
      { idaciDecile: null, fsmPercent: null },
      "NOT_DISADVANTAGED",
      "Not counted: the school has no IDACI decile and no free-school-meals figure (more than 30% counts).",
    ],
    [
      { start: "2024-01-31", end: "2024-02-28" },
      "UNDER_A_MONTH",
      "Not counted: it has lasted less than a whole month.",
    ],
    [{ start: "2027-01-01", end: null }, "NOT_STARTED", "Not counted: it starts on 2027-01-01."],
    [{ start: null }, "NO_START_DATE", "Not counted: no start date is recorded."],
  ] as const)("when %o, then %s with its reason and no points", (overrides, exclusion, reason) => {
    const scored = scoreEngagement(engagement(overrides), NO_CHANGES, TODAY);

    expect(scored).toMatchObject({ counted: false, exclusion, points: 0, reason });
  });
});

describe("outcome factor", () => {
  it("when KS2 years exist before and after, then the school's change less the national change sets it, to the nearest 0.25: 2 × 1.5 × 8 × 1.75 = 42", () => {
    // Started and ended in 2022/23, so that year is neither before nor after: 2018/19 (52) to
    // 2023/24 (55) is +3 against -4.68 nationally, +7.68 relative: 1 + 0.768 = 1.768, which is
    // 1.75 to the nearest 0.25. 2 × 1.5 × 8 months × 1.75 = 42.
    const scored = scoreEngagement(
      engagement({ start: "2022-10-01", end: "2023-06-30", ks2: SERIES }),
      new Map([["2018/19|2023/24", -4.68]]),
      TODAY,
    );

    expect(scored.outcome).toEqual({
      beforeYear: "2018/19",
      afterYear: "2023/24",
      schoolChange: 3,
      nationalChange: -4.68,
      relativeChange: 7.68,
    });
    expect(scored).toMatchObject({ months: 8, outcomeFactor: 1.75, points: 42 });
    expect(scored.reason).toBe(
      "Need band 1 (2) × IDACI decile 1 (1.5) × 8 months × outcome 1.75 (KS2 RWM +3 points 2018/19 to 2023/24 against -4.68 nationally, +7.68 relative, to the nearest 0.25) = 42 points.",
    );
  });

  it("when the band 2 school in IDACI decile 2 is measured, then 1 × 1.25 × 5 × 0.75 = 4.6875 is 4.69 points", () => {
    // 2018/19 (52) to 2023/24 (50) is -2 against +1 nationally: -3 relative, 1 - 0.3 = 0.7,
    // which is 0.75 to the nearest 0.25.
    const scored = scoreEngagement(
      engagement({
        needBand: 2,
        idaciDecile: 2,
        start: "2023-01-10",
        end: "2023-06-10",
        ks2: { years: ["2018/19", "2023/24"], values: [52, 50] },
      }),
      new Map([["2018/19|2023/24", 1]]),
      TODAY,
    );

    expect(scored).toMatchObject({ months: 5, outcomeFactor: 0.75, points: 4.69 });
  });

  it.each([
    // [change against national, 1 + change / 10, factor]
    [0, 1, 1],
    [1.24, 1.124, 1],
    [1.25, 1.125, 1.25],
    [-1.25, 0.875, 1],
    [-1.26, 0.874, 0.75],
    [-3, 0.7, 0.75],
    [-3.75, 0.625, 0.75],
    [-3.76, 0.624, 0.5],
    [-8, 0.2, 0.5],
    [7.68, 1.768, 1.75],
    [8.74, 1.874, 1.75],
    [8.75, 1.875, 2],
    [10, 2, 2],
    [15, 2.5, 2],
  ])(
    "when the change against national is %s, then 1 + change / 10 = %s is %s to the nearest 0.25 (halves up, within 0.5 and 2)",
    (change, _measured, factor) => {
      expect(outcomeFactorOf(change)).toBe(factor);
    },
  );

  it("when changes against national fall in one 2.5-point band, then they share a factor", () => {
    // Factor 1.25 covers +1.25 up to, not including, +3.75.
    const band = [1.25, 1.9, 2.5, 3.1, 3.74].map(outcomeFactorOf);

    expect(band).toEqual([1.25, 1.25, 1.25, 1.25, 1.25]);
    expect(outcomeFactorOf(3.75)).toBe(1.5);
    expect(OUTCOME_FACTOR_STEP * 10).toBe(2.5);
  });

  it("when no KS2 year precedes the start year, then the factor is 1 and not yet measurable", () => {
    const series = { years: ["2023/24", "2024/25"], values: [40, 70] };
    const scored = scoreEngagement(
      engagement({ start: "2023-02-01", end: "2024-02-01", ks2: series }),
      new Map([["2023/24|2024/25", 0]]),
      TODAY,
    );

    expect(scored).toMatchObject({ outcome: null, outcomeFactor: 1, points: 36 });
    expect(scored.reason).toContain("outcome not yet measurable");
  });

  it("when no KS2 year follows the end year, then the factor is 1", () => {
    const years = outcomeYears(
      engagement({ start: "2023-01-10", end: "2025-03-01", ks2: SERIES }),
      TODAY,
    );

    expect(years).toBeNull();
  });

  it("when the engagement is open, then the latest KS2 year is the after year, if later than the start year", () => {
    expect(
      outcomeYears(engagement({ start: "2023-10-01", end: null, ks2: SERIES }), TODAY),
    ).toEqual({ before: "2022/23", after: "2024/25" });
    expect(
      outcomeYears(engagement({ start: "2024-10-01", end: null, ks2: SERIES }), TODAY),
    ).toBeNull();
  });

  it("when the school has no KS2 series, then the outcome is not measurable", () => {
    expect(outcomeYears(engagement({ ks2: null }), TODAY)).toBeNull();
  });
});

describe("ranking", () => {
  const engagements = [
    // leader-b and leader-a tie on 36 points: leader-a ranks first by id.
    engagement({ id: "b1", systemLeaderId: "leader-b", baseUrn: 900 }),
    engagement({ id: "a1", systemLeaderId: "leader-a", baseUrn: 900 }),
    engagement({ id: "a2", systemLeaderId: "leader-a", baseUrn: 900, needBand: 4 }),
    // 2 × 1.25 × 12 = 30.
    engagement({ id: "c1", systemLeaderId: "leader-c", baseUrn: 800, idaciDecile: 2 }),
    // 1 × 1 × 12 = 12, and 12 again from leader-e at a school with a lower URN.
    engagement({ id: "d1", systemLeaderId: "leader-d", baseUrn: 700, needBand: 2, idaciDecile: 3 }),
    engagement({ id: "e1", systemLeaderId: "leader-e", baseUrn: 600, needBand: 2, idaciDecile: 3 }),
    // Only a band-4 school: no points, so not ranked.
    engagement({ id: "f1", systemLeaderId: "leader-f", baseUrn: 500, needBand: 4 }),
  ];

  it("when leaders tie, then the lower id ranks first; a leader without counted support is left out", () => {
    const result = recognise(engagements, NO_CHANGES, TODAY, 10);

    expect(
      result.leaders.map((l) => [
        l.rank,
        l.systemLeaderId,
        l.points,
        l.engagementsCounted,
        l.engagementsNotCounted,
      ]),
    ).toEqual([
      [1, "leader-a", 36, 1, 1],
      [2, "leader-b", 36, 1, 0],
      [3, "leader-c", 30, 1, 0],
      [4, "leader-d", 12, 1, 0],
      [5, "leader-e", 12, 1, 0],
    ]);
    expect(
      result.leaders[0]?.contributions.map((c) => [c.engagementId, c.counted, c.exclusion]),
    ).toEqual([
      ["a1", true, null],
      ["a2", false, "NEED_NOT_LOW"],
    ]);
    expect(result).toMatchObject({ engagementsConsidered: 7, engagementsCounted: 5 });
  });

  it("when leaders share a base school, then it gets their points; schools tie by URN", () => {
    const result = recognise(engagements, NO_CHANGES, TODAY, 10);

    expect(result.schools.map((s) => [s.rank, s.urn, s.points, s.systemLeaderIds])).toEqual([
      [1, 900, 72, ["leader-a", "leader-b"]],
      [2, 800, 30, ["leader-c"]],
      [3, 600, 12, ["leader-e"]],
      [4, 700, 12, ["leader-d"]],
    ]);
  });

  it("when first is 2, then two leaders and two schools are returned, the counts still cover all", () => {
    const result = recognise(engagements, NO_CHANGES, TODAY, 2);

    expect(result.leaders.map((l) => l.systemLeaderId)).toEqual(["leader-a", "leader-b"]);
    expect(result.schools.map((s) => s.urn)).toEqual([900, 800]);
    expect(result).toMatchObject({ engagementsConsidered: 7, engagementsCounted: 5 });
  });

  it("when a leader has no base school, then it is ranked but no school receives its points", () => {
    const result = recognise([engagement({ baseUrn: null })], NO_CHANGES, TODAY, 10);

    expect(result.leaders).toHaveLength(1);
    expect(result.schools).toEqual([]);
  });
});

describe("withholdSchool", () => {
  const CHANGES = new Map([["2018/19|2023/24", -4.68]]);
  /** 8 months; KS2 52 in 2018/19 and `after` in 2023/24, against -4.68 nationally. */
  const measured = (after: number, urn = 100) =>
    scoreEngagement(
      engagement({
        urn,
        start: "2022-10-01",
        end: "2023-06-30",
        ks2: { years: ["2018/19", "2023/24"], values: [52, after] },
      }),
      CHANGES,
      TODAY,
    );

  it("when a measured contribution is withheld, then the school, its figures and the dates go and the factor and points stay", () => {
    // +3 against -4.68: relative +7.68, factor 1.75, 2 × 1.5 × 8 × 1.75 = 42.
    const scored = measured(55);

    const withheld = withholdSchool(scored);

    expect(scored).toMatchObject({ urn: 100, outcomeFactor: 1.75, points: 42 });
    expect(withheld).toMatchObject({
      engagementId: "e1",
      urn: null,
      fsmPercent: null,
      outcome: null,
      start: null,
      end: null,
      schoolWithheld: true,
      needBand: 1,
      idaciDecile: 1,
      months: 8,
      countedMonths: 8,
      outcomeFactor: 1.75,
      points: 42,
    });
    expect(withheld.reason).toBe(
      "Need band 1 (2) × IDACI decile 1 (1.5) × 8 months × outcome 1.75 (KS2 change against national, to the nearest 0.25) = 42 points.",
    );
    expect(JSON.stringify(withheld)).not.toMatch(/7\.68|4\.68|2018\/19|2023\/24|2022-10|2023-06/);
  });

  it("when two schools' KS2 changes differ by over 2 points within one band, then they score alike and their withheld contributions are the same", () => {
    // Relative changes +6.3, +7.68 and +8.7: 1.63, 1.768 and 1.87, each 1.75 to the nearest
    // 0.25, so 2 × 1.5 × 8 × 1.75 = 42 each.
    const scored = [measured(53.62, 100), measured(55, 101), measured(56.02, 102)];

    const withheld = scored.map(withholdSchool);

    expect(scored.map((c) => [c.outcome?.relativeChange, c.outcomeFactor, c.points])).toEqual([
      [6.3, 1.75, 42],
      [7.68, 1.75, 42],
      [8.7, 1.75, 42],
    ]);
    expect(withheld[1]).toEqual(withheld[0]);
    expect(withheld[2]).toEqual(withheld[0]);
  });

  it("when the outcome is not measurable, then factor 1 and the points stay but the dates go", () => {
    const withheld = withholdSchool(scoreEngagement(engagement(), NO_CHANGES, TODAY));

    expect(withheld).toMatchObject({ start: null, end: null, outcomeFactor: 1, points: 36 });
    expect(withheld.reason).toBe(
      "Need band 1 (2) × IDACI decile 1 (1.5) × 12 months × outcome 1 (outcome not yet measurable) = 36 points.",
    );
  });

  it("when an engagement has not started, then the withheld reason gives no start date", () => {
    const withheld = withholdSchool(
      scoreEngagement(engagement({ start: "2027-01-01", end: null }), NO_CHANGES, TODAY),
    );

    expect(withheld).toMatchObject({ exclusion: "NOT_STARTED", start: null, months: 0 });
    expect(withheld.reason).toBe("Not counted: it has not started yet.");
  });

  it("when contributions are withheld, then the leader's total is still the sum of the points shown", () => {
    // 42 (measured, 1.75) + 36 (not measurable) = 78.
    const result = recognise(
      [
        engagement({
          id: "m",
          start: "2022-10-01",
          end: "2023-06-30",
          ks2: { years: ["2018/19", "2023/24"], values: [52, 55] },
        }),
        engagement({ id: "u", urn: 101 }),
      ],
      CHANGES,
      TODAY,
      10,
    );
    const [leader] = result.leaders;

    const shown = leader!.contributions.map(withholdSchool);

    expect(leader!.points).toBe(78);
    expect(shown.map((c) => c.points)).toEqual([42, 36]);
    expect(shown.reduce((sum, c) => sum + c.points, 0)).toBe(leader!.points);
  });

  it("when the deprivation rests on the FSM share, then the withheld reason gives the test, not the figure", () => {
    const counted = withholdSchool(
      scoreEngagement(engagement({ idaciDecile: null, fsmPercent: 30.5 }), NO_CHANGES, TODAY),
    );
    const notCounted = withholdSchool(
      scoreEngagement(engagement({ idaciDecile: null, fsmPercent: 12.5 }), NO_CHANGES, TODAY),
    );

    expect(counted.reason).toBe(
      "Need band 1 (2) × no IDACI decile, over 30% FSM (1) × 12 months × outcome 1 (outcome not yet measurable) = 24 points.",
    );
    expect(notCounted).toMatchObject({ counted: false, exclusion: "NOT_DISADVANTAGED" });
    expect(notCounted.reason).toBe(
      "Not counted: the school has no IDACI decile and is not above the free-school-meals threshold (more than 30% counts).",
    );
    expect(`${counted.reason} ${notCounted.reason}`).not.toMatch(/30\.5|12\.5|\b100\b/);
  });
});
