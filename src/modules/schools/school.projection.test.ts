import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { projectedProperties, schoolSelectionFor } from "./school.projection.js";

const schema = buildSchema(`
  type Area { code: String name: String }
  type School { urn: Int! name: String! town: String localAuthority: Area district: Area unmapped: Int successors: [School!]! }
  type Query { school: School schools: [School!]! }
`);

describe("schoolSelectionFor", () => {
  it("collects School fields through fragments, inline fragments and nested schools", () => {
    const document = parse(`
      query { school { ...Where successors { ... on School { district { code } } } } }
      fragment Where on School { town }`);
    expect(schoolSelectionFor(schema, document).properties).toEqual([
      "districtCode",
      "districtName",
      "name",
      "town",
      "urn",
    ]);
  });

  it("reads a school's areas with it only when the operation asks for them", () => {
    expect(schoolSelectionFor(schema, parse("{ school { town } }")).areas).toBe(false);
    expect(schoolSelectionFor(schema, parse("{ school { localAuthority { name } } }"))).toEqual({
      properties: ["laCode", "name", "urn"],
      areas: true,
    });
  });

  it("reads whole records when a School field has no entry", () => {
    expect(schoolSelectionFor(schema, parse("{ schools { unmapped } }")).properties).toBeNull();
  });

  it("answers the same array for the same parsed document", () => {
    const document = parse("{ school { town } }");
    expect(schoolSelectionFor(schema, document)).toBe(schoolSelectionFor(schema, document));
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
