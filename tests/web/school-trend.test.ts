/** The arithmetic of the school page's trend charts, on hand-made years and figures. */
import { describe, expect, it } from "vitest";
import {
  academicYear,
  segments,
  startYear,
  ticks,
  yearRange,
} from "../../web/src/pages/school/trend.js";

describe("school trend charts", () => {
  it("when an academic year is read, then it starts in its first calendar year", () => {
    expect(startYear("2019/20")).toBe(2019);
    expect(startYear("2019")).toBe(2019);
    expect(startYear("next year")).toBeNull();
    expect(academicYear(1999)).toBe("1999/00");
    expect(academicYear(2024)).toBe("2024/25");
  });

  it("when years are missing between the first and last, then the range lists them in order", () => {
    expect(yearRange(["2022/23", "2018/19"])).toEqual([
      "2018/19",
      "2019/20",
      "2020/21",
      "2021/22",
      "2022/23",
    ]);
    expect(yearRange([])).toEqual([]);
  });

  it("when KS2 has no results for 2019/20 to 2021/22, then the line breaks there instead of joining", () => {
    const points = [
      { year: "2022/23", value: 23 },
      { year: "2017/18", value: 76 },
      { year: "2018/19", value: 84 },
      { year: "2023/24", value: 29 },
    ];

    expect(segments(points)).toEqual([
      [
        { year: "2017/18", value: 76 },
        { year: "2018/19", value: 84 },
      ],
      [
        { year: "2022/23", value: 23 },
        { year: "2023/24", value: 29 },
      ],
    ]);
  });

  it("when a year stands alone between gaps, then it is a run of its own", () => {
    expect(
      segments([
        { year: "2018/19", value: 0.2 },
        { year: "2023/24", value: -0.1 },
      ]),
    ).toEqual([[{ year: "2018/19", value: 0.2 }], [{ year: "2023/24", value: -0.1 }]]);
  });

  it("when percentages are drawn from 0, then the ticks are round and cover every value", () => {
    expect(ticks([23, 84], 4, 0)).toEqual([0, 50, 100]);
    expect(ticks([-0.35, 0.93], 4, 0)).toEqual([-0.5, 0, 0.5, 1]);
    const attainment = ticks([46.9, 53.4]);
    expect(attainment[0]).toBeLessThanOrEqual(46.9);
    expect(attainment.at(-1)).toBeGreaterThanOrEqual(53.4);
    expect(ticks([0.1, 0.3], 2)).toEqual([0.1, 0.2, 0.3]);
  });

  it("when every value is the same, then the axis still has a range around it", () => {
    expect(ticks([60])).toEqual([59, 59.5, 60, 60.5, 61]);
  });
});
