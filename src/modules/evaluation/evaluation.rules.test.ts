import { describe, expect, it } from "vitest";
import type { ImpactSchool } from "./evaluation.model.js";
import {
  academicYearEnd,
  academicYearStart,
  buildBaseline,
  familyComparisons,
  measureImpact,
  summarise,
  tCritical95,
  type GroupMember,
  type ImpactGroup,
} from "./evaluation.rules.js";

function school(
  urn: number,
  familyId: string | null,
  ks2: Record<string, number> = {},
  ks4: Record<string, number> = {},
): ImpactSchool {
  return {
    urn,
    regionCode: "E12000009",
    familyId,
    series: {
      KS2_RWM_EXPECTED: new Map(Object.entries(ks2)),
      KS4_PROGRESS_8: new Map(Object.entries(ks4)),
    },
  };
}

const YEARS = ["2016/17", "2017/18", "2022/23"] as const;
const series = (values: readonly number[]) =>
  Object.fromEntries(YEARS.map((year, i) => [year, values[i]!]));

/**
 * Family f: comparison schools C1 (50, 60, 70) and C2 (60, 70, 80), so comparison means 55, 65
 * and 75; five members who joined on 1 September 2018 (2016/17 and 2017/18 before, 2022/23 after).
 */
const comparison = [school(1, "f", series([50, 60, 70])), school(2, "f", series([60, 70, 80]))];
const memberSchools = [
  school(11, "f", series([50, 60, 80]), { "2018/19": 0.5 }), // gaps -5, -5, +5: change +10
  school(12, "f", series([55, 65, 77]), { "2018/19": -0.5 }), // 0, 0, +2: +2
  school(13, "f", series([45, 65, 76])), // -10, 0, +1: +6
  school(14, "f", series([60, 70, 79])), // +5, +5, +4: -1
  school(15, "f", series([55, 55, 78])), // 0, -10, +3: +8
];
const baseline = buildBaseline(
  [...comparison, ...memberSchools],
  ["KS2_RWM_EXPECTED", "KS4_PROGRESS_8"],
);

function group(
  members: readonly ImpactSchool[],
  joinedOn: string | null = "2018-09-01",
  excluded: ReadonlySet<number> = new Set(members.map((s) => s.urn)),
): ImpactGroup {
  const list: GroupMember[] = members.map((s) => ({ school: s, joinedOn }));
  return {
    members: list,
    comparisonOf: familyComparisons(baseline, excluded),
    comparisonLabel: "similar schools in their families",
  };
}

describe("summarise", () => {
  it("when given 1..5 and a national spread of 2, then mean, SD, SE, t interval and effect size follow", () => {
    const summary = summarise([1, 2, 3, 4, 5], 2);
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.standardDeviation).toBeCloseTo(1.581139, 6); // sqrt(10 / 4)
    expect(summary.standardError).toBeCloseTo(0.707107, 6); // SD / sqrt(5)
    expect(summary.confidenceLow).toBeCloseTo(3 - 2.776 * 0.707107, 5); // t(4) = 2.776
    expect(summary.confidenceHigh).toBeCloseTo(4.96293, 5);
    expect(summary.effectSize).toBe(1.5);
  });

  it("when given one value, then only the mean is known", () => {
    expect(summarise([2], 4)).toEqual({
      n: 1,
      mean: 2,
      standardDeviation: null,
      standardError: null,
      confidenceLow: null,
      confidenceHigh: null,
      effectSize: 0.5,
    });
  });

  it("when given nothing, then everything is null and n is 0", () => {
    expect(summarise([], 4)).toMatchObject({ n: 0, mean: null, effectSize: null });
  });
});

describe("tCritical95", () => {
  it("when df is 1..30, then the table's value", () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(4)).toBe(2.776);
    expect(tCritical95(30)).toBe(2.042);
  });

  it("when df is between table rows or beyond 120, then the exact value, not the row below or 1.96", () => {
    // Exact: t(35) = 2.03011, t(60) = 2.00030, t(121) = 1.97976, t(1000) = 1.96234. Before, df 35
    // took df 30's 2.042 (too wide) and df 121 took 1.96 (too narrow).
    expect(tCritical95(31)).toBeCloseTo(2.03951, 4);
    expect(tCritical95(35)).toBeCloseTo(2.03011, 4);
    expect(tCritical95(60)).toBeCloseTo(2.0003, 4);
    expect(tCritical95(121)).toBeCloseTo(1.97976, 4);
    expect(tCritical95(1000)).toBeCloseTo(1.96234, 4);
    expect(tCritical95(1e9)).toBeCloseTo(1.95996, 5);
  });

  it("when df is below 1, then RangeError", () => {
    expect(() => tCritical95(0)).toThrow(RangeError);
    expect(() => tCritical95(Number.NaN)).toThrow(RangeError);
  });
});

describe("academic years", () => {
  it("when a year is 2016/17, then it runs from 1 September 2016 to 31 August 2017", () => {
    expect(academicYearStart("2016/17")).toBe("2016-09-01");
    expect(academicYearEnd("2016/17")).toBe("2017-08-31");
  });
});

describe("measureImpact", () => {
  it("when five members sit in a family with two other schools, then each year's gaps are summarised", () => {
    const impact = measureImpact(group(memberSchools), baseline, "KS2_RWM_EXPECTED");
    expect(impact.verdict).toBe("ANSWERED");
    expect(impact.years.map((y) => y.year)).toEqual([...YEARS]);
    const latest = impact.years[2]!;
    // Gaps 5, 2, 1, 4, 3.
    expect(latest).toMatchObject({
      verdict: "ANSWERED",
      membersWithValue: 5,
      n: 5,
      comparisonSchools: 2,
      memberMean: 78,
      comparisonMean: 75,
      mean: 3,
    });
    expect(latest.standardDeviation).toBeCloseTo(1.581139, 6);
    expect(latest.standardError).toBeCloseTo(0.707107, 6);
    expect(latest.confidenceLow).toBeCloseTo(1.03707, 5);
    // Across all seven schools' 2022/23 figures (70, 80, 80, 77, 76, 79, 78) the SD is 3.48466.
    expect(latest.nationalStandardDeviation).toBeCloseTo(3.48466, 5);
    expect(latest.effectSize).toBeCloseTo(3 / 3.48466, 5);
  });

  it("when members joined on 1 September 2018, then before/after is the mean change in gap", () => {
    const { beforeAfter } = measureImpact(group(memberSchools), baseline, "KS2_RWM_EXPECTED");
    // Changes +10, +2, +6, -1, +8: mean 5, SD sqrt(80 / 4) = 4.47214, SE 2, t(4) = 2.776.
    expect(beforeAfter).toMatchObject({
      verdict: "ANSWERED",
      membersWithJoinDate: 5,
      membersWithYearsBefore: 5,
      membersWithYearsAfter: 5,
      n: 5,
      mean: 5,
      meanGapBefore: -2,
      meanGapAfter: 3,
    });
    expect(beforeAfter.standardDeviation).toBeCloseTo(4.472136, 6);
    expect(beforeAfter.standardError).toBeCloseTo(2, 6);
    expect(beforeAfter.confidenceLow).toBeCloseTo(5 - 5.552, 6);
    expect(beforeAfter.confidenceHigh).toBeCloseTo(10.552, 6);
    // Yearly national SDs 5.56349, 5.56349 and 3.48466: mean 4.87055.
    expect(beforeAfter.nationalStandardDeviation).toBeCloseTo(4.87055, 4);
    expect(beforeAfter.effectSize).toBeCloseTo(5 / 4.87055, 4);
  });

  it("when a member joined on 1 September, then the year that ended the day before is before and the one starting that day after", () => {
    const { beforeAfter } = measureImpact(
      group(memberSchools, "2017-09-01"),
      baseline,
      "KS2_RWM_EXPECTED",
    );
    // Before: 2016/17 only (gaps -5, 0, -10, +5, 0); after: 2017/18 and 2022/23 (0, 1, 0.5, 4.5, -3.5).
    expect(beforeAfter).toMatchObject({ membersWithYearsBefore: 5, membersWithYearsAfter: 5 });
    expect(beforeAfter.meanGapBefore).toBeCloseTo(-2, 10);
    expect(beforeAfter.meanGapAfter).toBeCloseTo(0.5, 10);
  });

  it("when a year straddles the joining date, then it counts neither before nor after", () => {
    // Joined 1 January 2023: 2022/23 straddles it, so no year is after joining.
    const { beforeAfter } = measureImpact(
      group(memberSchools, "2023-01-01"),
      baseline,
      "KS2_RWM_EXPECTED",
    );
    expect(beforeAfter).toMatchObject({
      verdict: "NO_YEARS_AFTER_JOINING",
      membersWithYearsBefore: 5,
      membersWithYearsAfter: 0,
      n: 0,
    });
  });

  it("when members joined before any year with figures, then there are no years before joining", () => {
    const { beforeAfter } = measureImpact(
      group(memberSchools, "2016-01-01"),
      baseline,
      "KS2_RWM_EXPECTED",
    );
    expect(beforeAfter.verdict).toBe("NO_YEARS_BEFORE_JOINING");
    expect(beforeAfter.membersWithYearsAfter).toBe(5);
  });

  it("when no member has a joining date, then before/after says NO_JOIN_DATES", () => {
    const impact = measureImpact(group(memberSchools, null), baseline, "KS2_RWM_EXPECTED");
    expect(impact.verdict).toBe("ANSWERED");
    expect(impact.beforeAfter.verdict).toBe("NO_JOIN_DATES");
  });

  it("when fewer than five members can be compared, then TOO_FEW_SCHOOLS with n still given", () => {
    // M3-M5 stay out of the comparison, as members of a partnership of the type studied would.
    const two = group(memberSchools.slice(0, 2), "2018-09-01", new Set([11, 12, 13, 14, 15]));
    const impact = measureImpact(two, baseline, "KS2_RWM_EXPECTED");
    expect(impact.verdict).toBe("TOO_FEW_SCHOOLS");
    expect(impact.years[2]).toMatchObject({ verdict: "TOO_FEW_SCHOOLS", n: 2, mean: 3.5 });
    expect(impact.beforeAfter).toMatchObject({ verdict: "TOO_FEW_SCHOOLS", n: 2, mean: 6 });
  });

  it("when the measure has one year, then before/after says ONE_YEAR_ONLY", () => {
    const impact = measureImpact(group(memberSchools), baseline, "KS4_PROGRESS_8");
    expect(impact.years.map((y) => y.year)).toEqual(["2018/19"]);
    expect(impact.verdict).toBe("NO_COMPARISON_SCHOOLS");
    expect(impact.beforeAfter.verdict).toBe("ONE_YEAR_ONLY");
    expect(impact.beforeAfter.explanation).toContain("one year only (2018/19)");
  });

  it("when every family member is in the group, then NO_COMPARISON_SCHOOLS", () => {
    const all = group(memberSchools, "2018-09-01", new Set([1, 2, 11, 12, 13, 14, 15]));
    const impact = measureImpact(all, baseline, "KS2_RWM_EXPECTED");
    expect(impact.verdict).toBe("NO_COMPARISON_SCHOOLS");
    expect(impact.years[0]).toMatchObject({ membersWithValue: 5, n: 0 });
    expect(impact.beforeAfter.verdict).toBe("NO_COMPARISON_SCHOOLS");
  });

  it("when no member has a figure, then NO_DATA", () => {
    const impact = measureImpact(group([school(99, "f")]), baseline, "KS2_RWM_EXPECTED");
    expect(impact.verdict).toBe("NO_DATA");
    expect(impact.years.every((y) => y.membersWithValue === 0)).toBe(true);
    expect(impact.beforeAfter.verdict).toBe("NO_DATA");
  });

  it("when a member is in no family, then it has a figure but is not compared", () => {
    const loner = school(20, null, series([90, 90, 90]));
    const impact = measureImpact(group([...memberSchools, loner]), baseline, "KS2_RWM_EXPECTED");
    expect(impact.years[2]).toMatchObject({ membersWithValue: 6, n: 5, mean: 3 });
  });
});
