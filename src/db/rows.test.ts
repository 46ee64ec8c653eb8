import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RowShapeError } from "../errors/index.js";
import { cell, key, or, parseRow, parseRows } from "./rows.js";

describe("graph row shapes", () => {
  const Row = z.object({
    urn: key.int,
    name: cell.string,
    year: cell.text,
    pupils: cell.int,
    share: cell.number,
    rural: cell.boolean,
    openedOn: cell.date,
    phase: cell.member(["PRIMARY", "SECONDARY"]),
    tags: cell.list(cell.string),
  });

  it("reads well-formed cells as they are, dates cut to the day and numeric years as text", () => {
    const row = parseRow(
      Row,
      {
        urn: 100000,
        name: "Sir John Cass's Foundation Primary School",
        year: 2019,
        pupils: 250,
        share: 0.25,
        rural: false,
        openedOn: "2010-09-01T00:00:00Z",
        phase: "PRIMARY",
        tags: ["a", "b"],
      },
      "test/statement",
    );
    expect(row).toEqual({
      urn: 100000,
      name: "Sir John Cass's Foundation Primary School",
      year: "2019",
      pupils: 250,
      share: 0.25,
      rural: false,
      openedOn: "2010-09-01",
      phase: "PRIMARY",
      tags: ["a", "b"],
    });
  });

  it("reads a missing or mistyped optional cell as null, and drops odd list entries", () => {
    const row = parseRow(
      Row,
      {
        urn: 1,
        pupils: 2.5,
        share: Number.NaN,
        rural: "yes",
        openedOn: "soon",
        phase: "NURSERY",
        tags: ["a", 3],
      },
      "test/statement",
    );
    expect(row).toEqual({
      urn: 1,
      name: null,
      year: null,
      pupils: null,
      share: null,
      rural: null,
      openedOn: null,
      phase: null,
      tags: ["a"],
    });
  });

  it("fails a row without its key, naming the statement and the field", () => {
    expect(() => parseRows(Row, [{ urn: 1 }, { name: "x" }], "schools/findSchools")).toThrow(
      new RowShapeError(
        "schools/findSchools",
        "urn",
        "Invalid input: expected number, received undefined",
      ),
    );
    expect(() => parseRows(Row, [{ urn: "1" }], "schools/findSchools")).toThrow(RowShapeError);
  });

  it("fails a row whose required member is missing or outside its set, naming the field", () => {
    const Adviser = z.object({ id: key.string, kind: key.member(["SCHOOL_IMPROVEMENT", "OTHER"]) });
    expect(parseRow(Adviser, { id: "a", kind: "OTHER" }, "advisers/findAdviser").kind).toBe(
      "OTHER",
    );
    for (const kind of [null, "TEACHER"]) {
      expect(() => parseRow(Adviser, { id: "a", kind }, "advisers/findAdviser")).toThrow(
        /^advisers\/findAdviser: row field kind: /,
      );
    }
  });

  it("reads a missing or mistyped cell with a fallback as the fallback, and a good one as it is", () => {
    const Grant = z.object({
      id: key.string,
      amountPence: or(cell.int, 0),
      funder: or(cell.string, ""),
    });
    const read = (row: unknown) => parseRow(Grant, row, "funding/findGrant");
    expect(read({ id: "g", amountPence: 500, funder: "DfE" })).toEqual({
      id: "g",
      amountPence: 500,
      funder: "DfE",
    });
    expect(read({ id: "g", amountPence: 1.5, funder: null })).toEqual({
      id: "g",
      amountPence: 0,
      funder: "",
    });
  });
});
