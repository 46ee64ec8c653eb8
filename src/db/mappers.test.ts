import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "./mappers.js";

describe("toPlain", () => {
  it("turns driver values into plain ones at any depth and leaves primitives alone", () => {
    const node = new neo4j.types.Node(neo4j.int(1), ["School"], { urn: neo4j.int(100000) });
    const value = {
      count: neo4j.int(42),
      name: "Kewstoke Primary School",
      rural: false,
      missing: null,
      on: new neo4j.types.Date(2025, 3, 14),
      location: new neo4j.types.Point(4326, -2.95, 51.37),
      list: [neo4j.int(1), "two", [neo4j.int(3)]],
      school: node,
      nested: { deeper: { n: neo4j.int(7) } },
    };
    expect(toPlain(value)).toEqual({
      count: 42,
      name: "Kewstoke Primary School",
      rural: false,
      missing: null,
      on: "2025-03-14",
      location: { latitude: 51.37, longitude: -2.95 },
      list: [1, "two", [3]],
      school: { urn: 100000 },
      nested: { deeper: { n: 7 } },
    });
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(3.5)).toBe(3.5);
  });

  it("when a row of lists and maps is converted, then it is converted in place, not copied", () => {
    const list = [neo4j.int(7), { when: null, urn: neo4j.int(100000) }];
    const row = { list };
    expect(toPlain(row)).toBe(row);
    expect(row.list).toBe(list);
    expect(list).toEqual([7, { when: null, urn: 100000 }]);
  });
});
