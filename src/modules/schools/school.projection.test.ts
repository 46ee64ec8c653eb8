import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { projectedProperties, schoolSelectionFor } from "./school.projection.js";

const schema = buildSchema(`
  type Area { code: String name: String }
  type School { urn: Int! name: String! town: String localAuthority: Area district: Area unmapped: Int successors: [School!]! memberships: [Membership!]! }
  type Membership { partnership: Partnership! }
  type Partnership { id: String! members(first: Int = 20, after: String): [School!]! }
  type Query { school: School schools: [School!]! partnership: Partnership }
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
      memberships: false,
      memberPage: null,
    });
  });

  it("reads whole records when a School field has no entry", () => {
    expect(schoolSelectionFor(schema, parse("{ schools { unmapped } }")).properties).toBeNull();
  });

  it("answers the same properties array for the same parsed document", () => {
    const document = parse("{ school { town } }");
    expect(schoolSelectionFor(schema, document).properties).toBe(
      schoolSelectionFor(schema, document).properties,
    );
  });
});

describe("schoolSelectionFor, memberships and their first members", () => {
  const membersOf = (members: string) =>
    parse(`query ($n: Int, $after: String) {
      schools { memberships { partnership { ${members} } } }
    }`);

  it("when no School asks for memberships, then none are read with schools", () => {
    const selection = schoolSelectionFor(schema, parse("{ partnership { members { urn } } }"));
    expect(selection).toMatchObject({ memberships: false, memberPage: null });
  });

  it("when every members field asks for a first page of one size, then that size is read alongside", () => {
    const literal = schoolSelectionFor(schema, membersOf("members(first: 10) { urn }"));
    expect(literal).toMatchObject({ memberships: true, memberPage: 10 });
    const variable = membersOf("members(first: $n) { urn }");
    expect(schoolSelectionFor(schema, variable, { n: 7 }).memberPage).toBe(7);
    expect(schoolSelectionFor(schema, membersOf("members { urn }")).memberPage).toBe(20);
  });

  it("when members fields ask for other positions, sizes or an invalid size, then members are read apart", () => {
    const pages = [
      ["members(first: 10, after: $after) { urn }", { after: "abc" }],
      ["members(first: 10) { urn } more: members(first: 5) { urn }", {}],
      ["members(first: 1000) { urn }", {}],
      ["members(first: $n) { urn }", { n: "ten" }],
    ] as const;
    for (const [members, variables] of pages) {
      const selection = schoolSelectionFor(schema, membersOf(members), variables);
      expect(selection).toMatchObject({ memberships: true, memberPage: null });
    }
  });
});

describe("projectedProperties", () => {
  it("pairs the projected names with the statement's values, missing ones as null", () => {
    expect(projectedProperties([1, "A"], ["urn", "name", "town"])).toEqual({
      urn: 1,
      name: "A",
      town: null,
    });
  });

  it("passes the whole map through when nothing is projected", () => {
    const school = { urn: 1, name: "A" };
    expect(projectedProperties(school, null)).toBe(school);
  });
});
