import { describe, expect, it } from "vitest";
import { DataFileError } from "../../src/errors/index.js";
import { csvTable } from "../testing/csv.js";
import { parseCsv } from "./table.js";

describe("parseCsv", () => {
  it("when a row has the wrong number of fields, then it is rejected with its line and the rest are read", () => {
    const table = csvTable(["URN,NAME", "1,A", "2,B,extra", "3"], "schools.csv");
    expect(table.records.map((r) => r.get("URN"))).toEqual(["1"]);
    expect(table.malformed).toEqual([
      {
        file: "schools.csv",
        line: 3,
        reason: "wrong number of fields",
        detail: "expected 2, found 3",
      },
      {
        file: "schools.csv",
        line: 4,
        reason: "wrong number of fields",
        detail: "expected 2, found 1",
      },
    ]);
  });

  it("when a quoted field spans lines, then each row reports the line it starts on", () => {
    const table = csvTable(["URN,NAME", '1,"two', 'lines"', "2,B"]);
    expect(table.records.map((r) => [r.get("URN"), r.line])).toEqual([
      ["1", 2],
      ["2", 4],
    ]);
  });

  it("when short rows are allowed, then missing trailing fields read as blank", () => {
    const table = csvTable(["URN,A,B", "1,x"], "census.csv", { allowShortRows: true });
    expect(table.malformed).toEqual([]);
    expect(table.records[0]?.get("B")).toBe("");
  });

  it("when the last column may overflow, then extra trailing fields are accepted", () => {
    const table = csvTable(["URN,Links", "1,115961 Predecessor,148215 Successor"], "gias.csv", {
      lastColumnOverflows: true,
    });
    expect(table.malformed).toEqual([]);
    expect(table.records[0]?.get("URN")).toBe("1");
  });

  it("when a required column is missing, then the error names it and what the file should be", () => {
    expect(() =>
      parseCsv("a,b\n1,2\n", "upload.csv", { required: ["URN", "b"], expected: "a GIAS extract" }),
    ).toThrow(
      new DataFileError(
        'upload.csv is not a GIAS extract: it lacks the column "URN" (found: a, b)',
      ),
    );
  });

  it("when a column is absent from the header, then get returns blank", () => {
    expect(csvTable(["URN", "1"]).records[0]?.get("NAME")).toBe("");
  });
});
