/**
 * Schools are read with only the node properties the operation's School fields need
 * (src/modules/schools/school.projection.ts). Every School field, asked alone, must answer
 * exactly what it answers from the whole record: a property missing from the field's entry
 * would show as a null or an empty list here.
 */
import "reflect-metadata";
import {
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { SCHOOL_FIELD_PROPERTIES } from "../../src/modules/schools/school.projection.js";
import { buildGraphQLSchema } from "../../src/server.js";
import {
  ProjectionSchoolPageDocument,
  ProjectionSchoolsOfLaDocument,
} from "../__generated__/graphql.js";
import { testToken, useApi } from "../helpers/api.js";

const projected = useApi();
const whole = useApi({ app: { projectSchoolReads: false } });

/**
 * Kewstoke Primary (a coastal primary judged inadequate, with a KS2 series), Skinners' Academy
 * (a secondary in a deprived area, with a KS4 series and Progress 8 band), St Bees Village
 * Primary (whose KS2 series runs across its predecessor's URN) and St Paul's Cathedral School
 * (independent, no location).
 */
const URNS = [109092, 136137, 149818, 100002];

let schoolType: GraphQLObjectType;
let token: string;

beforeAll(async () => {
  const schema = await buildGraphQLSchema();
  schoolType = schema.getType("School") as GraphQLObjectType;
  token = await testToken({ role: "ADMIN", sub: "school-projection-admin" });
});

/** A field's selection: itself, with every leaf below it down to `depth` object levels. */
function selection(field: GraphQLField<unknown, unknown>, depth = 2): string | null {
  if (field.args.some((arg) => arg.type.toString().endsWith("!") && !arg.defaultValue)) {
    return null;
  }
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type) || depth === 0) return null;
  const inner = Object.values(type.getFields())
    .map((child) => selection(child, depth - 1))
    .filter((s): s is string => s !== null);
  return inner.length === 0 ? null : `${field.name} { ${inner.join(" ")} }`;
}

describe("school reads projected to the operation's fields", () => {
  it("knows every School field, so none falls back to reading the whole record", () => {
    const unknown = Object.keys(schoolType.getFields()).filter(
      (name) => !(name in SCHOOL_FIELD_PROPERTIES),
    );
    expect(unknown).toEqual([]);
  });

  it("answers each School field, asked alone, as the whole record does", async () => {
    const fields = Object.values(schoolType.getFields())
      .map((field) => [field.name, selection(field)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null);
    expect(fields.length).toBeGreaterThan(50);
    const differing: string[] = [];
    for (const [name, fieldSelection] of fields) {
      const query = `{ ${URNS.map((urn, i) => `s${i}: school(urn: ${urn}) { urn ${fieldSelection} }`).join(" ")} }`;
      const [a, b] = await Promise.all([
        projected().executeText(query, {}, { token }),
        whole().executeText(query, {}, { token }),
      ]);
      expect(a.errors, name).toBeUndefined();
      if (JSON.stringify(a.data) !== JSON.stringify(b.data)) differing.push(name);
    }
    expect(differing).toEqual([]);
  });

  it("keeps the figures a school page shows, with their years and sources", async () => {
    const result = await projected().execute(ProjectionSchoolPageDocument, { urn: 109092 });
    const school = result.data!.school!;
    expect(school["name"]).toBe("Kewstoke Primary School");
    expect(school["ofsted"]).toMatchObject({ grade: 4, source: { id: expect.any(String) } });
    expect(school["ks2History"].length).toBeGreaterThan(1);
    expect(school["fsmPercent"]).toMatchObject({ value: expect.any(Number) });
    expect(school).toEqual(
      (await whole().execute(ProjectionSchoolPageDocument, { urn: 109092 })).data!["school"],
    );
  });

  it("reads list pages and partnership members the same way", async () => {
    const [a, b] = await Promise.all([
      projected().execute(ProjectionSchoolsOfLaDocument, { la: 802 }),
      whole().execute(ProjectionSchoolsOfLaDocument, { la: 802 }),
    ]);
    expect(a.errors).toBeUndefined();
    const edges = a.data!.schools.edges;
    expect(edges).toHaveLength(30);
    expect(a.data).toEqual(b.data);
  });
});
