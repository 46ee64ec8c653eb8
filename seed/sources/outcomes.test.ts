import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { parseKs2History, parseKs4Information } from "./outcomes.js";

describe("parseKs2History", () => {
  it("when a school has several years, then the latest year with a figure is kept", () => {
    const { records } = parseKs2History(
      csvTable([
        "URN,year,rwmExpected",
        "1,2018/19,60",
        "1,2023/24,65",
        "1,2024/25,",
        "2,2016/17,40",
      ]),
    );
    expect(records.get(1)).toEqual({ value: 65, year: "2023/24" });
    expect(records.get(2)).toEqual({ value: 40, year: "2016/17" });
  });

  it("when the year is malformed, then the row is rejected with its line", () => {
    const { rejections } = parseKs2History(
      csvTable(["URN,year,rwmExpected", "1,2019,60"], "h.csv"),
    );
    expect(rejections).toEqual([
      { file: "h.csv", line: 2, reason: "invalid year", detail: "2019" },
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
