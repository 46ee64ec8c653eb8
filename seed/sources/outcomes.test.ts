import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import {
  combineSeries,
  latestFigure,
  parseKs2History,
  parseKs4Information,
  parseKs4PriorAttainment,
} from "./outcomes.js";

describe("parseKs2History", () => {
  it("when a school has several years, then every year with a figure is kept, ascending", () => {
    const { records } = parseKs2History(
      csvTable([
        "URN,year,rwmExpected",
        "1,2023/24,65",
        "1,2018/19,60",
        "1,2024/25,",
        "2,2016/17,40",
      ]),
    );
    expect(records.get(1)).toMatchObject([
      { value: 60, year: "2018/19" },
      { value: 65, year: "2023/24" },
    ]);
    expect(records.get(2)).toMatchObject([{ value: 40, year: "2016/17" }]);
  });

  it("when the panel gives the cohort and disadvantaged pupils' figure, then each year keeps them", () => {
    const { records } = parseKs2History(
      csvTable([
        "URN,year,rwmExpected,eligiblePupils,disadvantagedRwmExpected",
        "1,2023/24,65,28,40",
        "1,2024/25,70,9,",
      ]),
    );
    expect(records.get(1)).toEqual([
      { value: 65, year: "2023/24", cohort: 28, disadvantaged: 40 },
      { value: 70, year: "2024/25", cohort: 9, disadvantaged: null },
    ]);
  });

  it("when the year is malformed, then the row is rejected with its line", () => {
    const { rejections } = parseKs2History(
      csvTable(["URN,year,rwmExpected", "1,2019,60"], "h.csv"),
    );
    expect(rejections).toEqual([
      { file: "h.csv", line: 2, reason: "invalid year", detail: "2019" },
    ]);
  });

  it("when a URN has two figures for one year, then the second is rejected", () => {
    const { records, rejections } = parseKs2History(
      csvTable(["URN,year,rwmExpected", "1,2018/19,60", "1,2018/19,61"], "h.csv"),
    );
    expect(records.get(1)).toMatchObject([{ value: 60, year: "2018/19" }]);
    expect(rejections).toMatchObject([
      { line: 3, reason: "second figure for the same URN and year" },
    ]);
  });
});

describe("latestFigure", () => {
  it("when a school stopped reporting, then its last real figure is kept with that year", () => {
    expect(
      latestFigure([
        { value: 60, year: "2018/19" },
        { value: 40, year: "2016/17" },
      ]),
    ).toEqual({ value: 60, year: "2018/19" });
    expect(latestFigure(undefined)).toBeNull();
  });
});

describe("combineSeries", () => {
  const history = new Map([
    [10, [{ value: 70, year: "2022/23" }]],
    [
      5,
      [
        { value: 50, year: "2017/18" },
        { value: 55, year: "2022/23" },
      ],
    ],
    [1, [{ value: 30, year: "2016/17" }]],
    [2, [{ value: 31, year: "2016/17" }]],
    [3, [{ value: 40, year: "2015/16" }]],
  ]);

  it("when a school has predecessors, then their years join its series and its own figure wins", () => {
    const { points } = combineSeries(10, history, new Map([[10, [5]]]));
    expect(points).toEqual([
      { year: "2017/18", value: 50, urn: 5 },
      { year: "2022/23", value: 70, urn: 10 },
    ]);
  });

  it("when predecessors had predecessors, then the chain is followed and the nearer one wins", () => {
    const { points } = combineSeries(
      10,
      new Map([
        ...history,
        [
          3,
          [
            { value: 99, year: "2017/18" },
            { value: 40, year: "2015/16" },
          ],
        ],
      ]),
      new Map([
        [10, [5]],
        [5, [3]],
      ]),
    );
    expect(points.map((p) => [p.year, p.value, p.urn])).toEqual([
      ["2015/16", 40, 3],
      ["2017/18", 50, 5],
      ["2022/23", 70, 10],
    ]);
  });

  it("when two amalgamated predecessors disagree on a year, then the year is left out and counted", () => {
    const { points, conflictingYears } = combineSeries(10, history, new Map([[10, [1, 2]]]));
    expect(points.map((p) => p.year)).toEqual(["2022/23"]);
    expect(conflictingYears).toBe(1);
  });

  it("when links form a loop, then each URN is visited once", () => {
    const { points } = combineSeries(
      5,
      history,
      new Map([
        [5, [10]],
        [10, [5]],
      ]),
    );
    expect(points.map((p) => [p.year, p.urn])).toEqual([
      ["2017/18", 5],
      ["2022/23", 5],
    ]);
  });
});

describe("parseKs4Information", () => {
  it("when the band is z, then the school has no band; otherwise the band carries its year", () => {
    const { records } = parseKs4Information(
      csvTable(["time_period,school_urn,p8_banding", "202324,1,z", "202324,2,Above average"]),
    );
    expect(records.has(1)).toBe(false);
    expect(records.get(2)).toEqual({ value: "Above average", year: "2023/24" });
  });
});

describe("parseKs4PriorAttainment", () => {
  it("when the average KS2 score is given, then it carries its year; z is missing", () => {
    const { records, rejections } = parseKs4PriorAttainment(
      csvTable([
        "time_period,school_urn,avg_ks2_scaledscore",
        "202324,1,104.2",
        "202324,2,z",
        "202324,3,64.4",
      ]),
    );
    expect(records.get(1)).toEqual({ value: 104.2, year: "2023/24" });
    expect(records.has(2)).toBe(false);
    // A special school's cohort, counted with the nominal scores below 80.
    expect(records.get(3)).toEqual({ value: 64.4, year: "2023/24" });
    expect(rejections).toEqual([]);
  });

  it("when a figure cannot be a scaled score, then the row is rejected with its line", () => {
    const { records, rejections } = parseKs4PriorAttainment(
      csvTable(["time_period,school_urn,avg_ks2_scaledscore", "202324,1,1042"]),
    );
    expect(records.size).toBe(0);
    expect(rejections).toEqual([
      expect.objectContaining({ line: 2, reason: expect.stringContaining("outside 59..120") }),
    ]);
  });
});
