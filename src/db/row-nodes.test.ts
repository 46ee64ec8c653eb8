import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RowShapeError } from "../errors/index.js";
import { cell, key, listOf, node, optionalNode, parseRow } from "./rows.js";

describe("nodes and lists read strictly", () => {
  const Member = node(z.object({ urn: key.int, name: cell.string }));
  const Row = z.object({
    school: Member,
    chair: optionalNode(Member),
    members: listOf(Member),
    years: listOf(cell.string),
  });

  it("reads a node, an absent optional node and missing lists, which read as empty", () => {
    expect(parseRow(Row, { school: { urn: 1 }, chair: 5, members: "none" }, "t/s")).toEqual({
      school: { urn: 1, name: null },
      chair: null,
      members: [],
      years: [],
    });
  });

  it("keeps the position of each entry of a list of optional cells", () => {
    const row = parseRow(Row, { school: { urn: 1 }, years: ["2019", 2020, null, "2022"] }, "t/s");
    expect(row.years).toEqual(["2019", null, null, "2022"]);
  });

  it("fails the row when a node, an optional node or a list entry lacks its key", () => {
    expect(() => parseRow(Row, {}, "t/s")).toThrow(
      new RowShapeError("t/s", "school.urn", "Invalid input: expected number, received undefined"),
    );
    expect(() => parseRow(Row, { school: { urn: 1 }, chair: { name: "x" } }, "t/s")).toThrow(
      new RowShapeError("t/s", "chair.urn", "Invalid input: expected number, received undefined"),
    );
    expect(() => parseRow(Row, { school: { urn: 1 }, members: [{ urn: 2 }, null] }, "t/s")).toThrow(
      new RowShapeError(
        "t/s",
        "members.1.urn",
        "Invalid input: expected number, received undefined",
      ),
    );
  });

  it("gives each row a list of its own", () => {
    const first = parseRow(Row, { school: { urn: 1 } }, "t/s");
    const second = parseRow(Row, { school: { urn: 1 } }, "t/s");
    expect(first.members).not.toBe(second.members);
  });
});
