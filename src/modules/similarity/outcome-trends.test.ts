import { describe, expect, it } from "vitest";
import { outcomeTrends, type MemberSeries, type YearFigure } from "./outcome-trends.js";

const KS2 = "dfe-ks2-history";

function ks2(...figures: [string, number][]): YearFigure[] {
  return figures.map(([year, value]) => ({ year, value, sourceId: KS2 }));
}

const SCHOOL = 1;

describe("outcomeTrends", () => {
  it("when members have figures, then each year's median is over those who have one, the school included", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks2RwmExpected: ks2(["2018/19", 40], ["2022/23", 30]) } },
      { urn: 2, series: { ks2RwmExpected: ks2(["2018/19", 60], ["2022/23", 50]) } },
      { urn: 3, series: { ks2RwmExpected: ks2(["2018/19", 70]) } },
      { urn: 4, series: {} },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "PRIMARY");

    expect(trend?.outcome).toBe("ks2RwmExpected");
    expect(trend?.years).toEqual([
      { year: "2018/19", value: 40, familyMedian: 60, membersWithFigure: 3, sourceId: KS2 },
      { year: "2022/23", value: 30, familyMedian: 40, membersWithFigure: 2, sourceId: KS2 },
    ]);
  });

  it("when no member has a figure for a year, then the year is absent rather than zero", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks2RwmExpected: ks2(["2018/19", 40], ["2022/23", 30]) } },
      { urn: 2, series: { ks2RwmExpected: ks2(["2018/19", 50], ["2022/23", 50]) } },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "PRIMARY");

    expect(trend?.years.map((year) => year.year)).toEqual(["2018/19", "2022/23"]);
  });

  it("when the school lacks a year its family has, then that year has the median and no value", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks2RwmExpected: ks2(["2022/23", 30]) } },
      { urn: 2, series: { ks2RwmExpected: ks2(["2018/19", 50], ["2022/23", 50]) } },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "PRIMARY");

    expect(trend?.years[0]).toMatchObject({ year: "2018/19", value: null, familyMedian: 50 });
  });

  it("when no member has any figure for an outcome, then the outcome is left out", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks2RwmExpected: ks2(["2022/23", 30]) } },
    ];

    expect(outcomeTrends(members, SCHOOL, "PRIMARY").map((trend) => trend.outcome)).toEqual([
      "ks2RwmExpected",
    ]);
  });

  it("when members beat the school in its latest year, then they are listed best first with the difference", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks2RwmExpected: ks2(["2022/23", 50], ["2023/24", 40]) } },
      { urn: 2, series: { ks2RwmExpected: ks2(["2022/23", 45], ["2023/24", 45]) } },
      { urn: 3, series: { ks2RwmExpected: ks2(["2023/24", 60]) } },
      { urn: 4, series: { ks2RwmExpected: ks2(["2023/24", 40]) } },
      // Beats the school only in a year that is not its latest: not compared.
      { urn: 5, series: { ks2RwmExpected: ks2(["2022/23", 90]) } },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "PRIMARY");

    expect(trend?.comparisonYear).toBe("2023/24");
    expect(trend?.doingBetter).toEqual([
      { urn: 3, value: 60, year: "2023/24", difference: 20, sourceId: KS2 },
      { urn: 2, value: 45, year: "2023/24", difference: 5, sourceId: KS2 },
    ]);
  });

  it("when the school has no figure for an outcome, then nobody is said to do better", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: {} },
      { urn: 2, series: { ks4Progress8: [{ year: "2023/24", value: 0.5, sourceId: "ks4" }] } },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "SECONDARY");

    expect(trend).toMatchObject({ outcome: "ks4Progress8", comparisonYear: null, doingBetter: [] });
  });

  it("when a secondary family has a few KS2 figures, then only its KS4 outcomes are traced", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks4Attainment8: [{ year: "2023/24", value: 40, sourceId: "k" }] } },
      { urn: 2, series: { ks2RwmExpected: ks2(["2023/24", 60]) } },
    ];

    expect(outcomeTrends(members, SCHOOL, "SECONDARY").map((trend) => trend.outcome)).toEqual([
      "ks4Attainment8",
    ]);
    expect(outcomeTrends(members, SCHOOL, "ALL_THROUGH").map((trend) => trend.outcome)).toEqual([
      "ks2RwmExpected",
      "ks4Attainment8",
    ]);
    expect(outcomeTrends(members, SCHOOL, "SPECIAL")).toEqual([]);
  });

  it("when a year's figures come from different datasets, then the most common one is its source", () => {
    const members: MemberSeries[] = [
      { urn: SCHOOL, series: { ks4Attainment8: [{ year: "2023/24", value: 40, sourceId: "b" }] } },
      { urn: 2, series: { ks4Attainment8: [{ year: "2023/24", value: 42, sourceId: "a" }] } },
      { urn: 3, series: { ks4Attainment8: [{ year: "2023/24", value: 44, sourceId: "a" }] } },
    ];

    const [trend] = outcomeTrends(members, SCHOOL, "SECONDARY");

    expect(trend?.years[0]?.sourceId).toBe("a");
  });
});
