import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RowShapeError } from "../errors/index.js";
import { cell, key, nodeProperties, parseNode, point, series } from "./rows.js";

describe("node properties", () => {
  const School = nodeProperties({
    urn: key.int,
    name: cell.string,
    tags: cell.list(cell.string),
    location: point,
  });

  it("reads a property the node does not have as its cell reads a missing one", () => {
    expect(parseNode(School, { urn: 1 }, "School")).toEqual({
      urn: 1,
      name: null,
      tags: [],
      location: null,
    });
    expect(parseNode(School, { urn: 1, name: 2, location: { latitude: 51.5 } }, "School")).toEqual({
      urn: 1,
      name: null,
      tags: [],
      location: { latitude: 51.5, longitude: null },
    });
  });

  it("fails a node without its key, naming the label and the property", () => {
    expect(() => parseNode(School, { name: "A" }, "School")).toThrow(
      new RowShapeError(
        "School node",
        "School.urn",
        "Invalid input: expected number, received undefined",
      ),
    );
    expect(() => parseNode(School, null, "School")).toThrow(/School\.urn/);
  });

  it("reads a stored series in place, NaN and odd entries as null", () => {
    const Series = z.object({ values: series(cell.number), cohorts: series(cell.int) });
    expect(
      Series.parse({ values: [1.5, Number.NaN, "x", 3], cohorts: [30, Number.NaN, 2.5] }),
    ).toEqual({ values: [1.5, null, null, 3], cohorts: [30, null, null] });
    expect(Series.parse({ values: null })).toEqual({ values: [], cohorts: [] });
  });
});
