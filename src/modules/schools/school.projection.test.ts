import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { projectedProperties, schoolPropertiesFor } from "./school.projection.js";

const schema = buildSchema(`
  type Area { code: String name: String }
  type School { urn: Int! name: String! town: String district: Area unmapped: Int successors: [School!]! }
  type Query { school: School schools: [School!]! }
`);

describe("schoolPropertiesFor", () => {
  it("collects School fields through fragments, inline fragments and nested schools", () => {
    const document = parse(`
      query { school { ...Where successors { ... on School { district { code } } } } }
      fragment Where on School { town }`);
    expect(schoolPropertiesFor(schema, document)).toEqual([
      "districtCode",
      "districtName",
      "name",
      "town",
      "urn",
    ]);
  });

  it("reads whole records when a School field has no entry", () => {
    expect(schoolPropertiesFor(schema, parse("{ schools { unmapped } }"))).toBeNull();
  });

  it("answers the same array for the same parsed document", () => {
    const document = parse("{ school { town } }");
    expect(schoolPropertiesFor(schema, document)).toBe(schoolPropertiesFor(schema, document));
  });
});

describe("projectedProperties", () => {
  it("pairs the projected names with the statement's values, missing ones as null", () => {
    expect(projectedProperties({ values: [1, "A"] }, ["urn", "name", "town"])).toEqual({
      urn: 1,
      name: "A",
      town: null,
    });
  });

  it("passes the whole map through when nothing is projected", () => {
    const school = { urn: 1, name: "A" };
    expect(projectedProperties({ school, values: [] }, null)).toBe(school);
  });
});
