import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { parseCensus } from "./census.js";

const HEADER = "URN,LA,PSENELSE,PSENELK,PNUMFSMEVER";

describe("parseCensus", () => {
  it("when percentages carry % signs, then they are stripped and SEN is EHCP plus SEN support", () => {
    const { records } = parseCensus(csvTable([HEADER, "100000,201,2.6%,16.7%,13.3%"]));
    expect(records.get(100000)).toEqual({
      urn: 100000,
      ehcpPercent: 2.6,
      senSupportPercent: 16.7,
      senPercent: 19.3,
    });
  });

  it("when a percentage is blank, then it and the total are missing", () => {
    const { records } = parseCensus(csvTable([HEADER, "100001,201,,5%,"]));
    expect(records.get(100001)).toMatchObject({
      ehcpPercent: null,
      senSupportPercent: 5,
      senPercent: null,
    });
  });

  it("when the national rows at the end are read, then they are skipped, not rejected", () => {
    const { records, rejections, skipped } = parseCensus(
      csvTable([HEADER, "NAT,,2.0%,12.6%,23.5%"], "census.csv"),
    );
    expect(records.size).toBe(0);
    expect(rejections).toEqual([]);
    expect(skipped.entries()).toEqual([["census.csv: national summary rows", 1]]);
  });

  it("when a row's URN is not a number, then the row is rejected with its line", () => {
    const { rejections } = parseCensus(
      csvTable([HEADER, "100000,201,1%,1%,1%", "X1,201,1%,1%,1%"], "census.csv"),
    );
    expect(rejections).toEqual([
      { file: "census.csv", line: 3, reason: "invalid URN", detail: "X1" },
    ]);
  });
});
