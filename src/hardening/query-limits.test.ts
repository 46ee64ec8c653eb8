import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { ASSUMED_LIST_SIZE, depthLimit, operationCost } from "./query-limits.js";

const schema: GraphQLSchema = buildSchema(`
  type Query {
    school(urn: Int!): School
    schools(first: Int = 20): SchoolConnection!
    regions: [Region!]!
    partners(input: PartnerInput!): [School!]!
  }
  input PartnerInput { urn: Int! first: Int = 10 }
  type Region { code: String! schools(first: Int = 20): SchoolConnection! }
  type SchoolConnection { edges: [SchoolEdge!]! totalCount: Int! }
  type SchoolEdge { cursor: String! node: School! }
  type School { urn: Int! name: String! region: Region memberships: [Membership!]! }
  type Membership { name: String! }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  return operationCost(schema, parse(query), undefined, variables);
}

function depthErrors(query: string, maxDepth: number) {
  return validate(schema, parse(query), [...specifiedRules, depthLimit(maxDepth)]).filter(
    (error) => error.extensions["limit"] === "depth",
  );
}

describe("operationCost", () => {
  it("when one object with scalars is asked for, then it costs 1", () => {
    expect(cost("{ school(urn: 1) { urn name } }")).toBe(1);
  });

  it("when a page is asked for, then first multiplies what each edge holds, and the connection's edges list is not counted twice", () => {
    // 1 connection + 10 × (edge + node + region)
    expect(
      cost("{ schools(first: 10) { totalCount edges { node { name region { code } } } } }"),
    ).toBe(10 * 4);
  });

  it("when first comes from a variable or is left to its default, then that value is used", () => {
    const query = "query ($n: Int) { schools(first: $n) { edges { node { urn } } } }";
    expect(cost(query, { n: 50 })).toBe(50 * 3);
    expect(cost("{ schools { edges { node { urn } } } }")).toBe(20 * 3);
  });

  it("when a list's size is its input's first, then that size is used: literal, variable or default", () => {
    expect(cost("{ partners(input: { urn: 1, first: 100 }) { urn } }")).toBe(100);
    const query = "query ($f: Int) { partners(input: { urn: 1, first: $f }) { urn } }";
    expect(cost(query, { f: 60 })).toBe(60);
    const whole = "query ($in: PartnerInput!) { partners(input: $in) { region { code } } }";
    expect(cost(whole, { in: { urn: 1, first: 40 } })).toBe(40 * 2);
    expect(cost(whole, { in: { urn: 1 } })).toBe(10 * 2);
    expect(cost("{ partners(input: { urn: 1 }) { urn } }")).toBe(10);
  });

  it("when a list takes no first, then an assumed size multiplies it, and nesting multiplies again", () => {
    expect(cost("{ regions { code } }")).toBe(ASSUMED_LIST_SIZE);
    expect(
      cost("{ regions { schools(first: 100) { edges { node { memberships { name } } } } } }"),
    ).toBe(ASSUMED_LIST_SIZE * (1 + 100 * (1 + 1 + 1 + ASSUMED_LIST_SIZE * 1)));
  });

  it("when fields sit in fragments or are skipped, then fragments count and skipped fields do not", () => {
    expect(cost("{ ...Q } fragment Q on Query { school(urn: 1) { region { code } } }")).toBe(2);
    expect(
      cost("query ($s: Boolean!) { school(urn: 1) { region @skip(if: $s) { code } } }", {
        s: true,
      }),
    ).toBe(1);
  });

  it("when the schema is introspected, then it costs nothing", () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
  });
});

describe("depthLimit", () => {
  it("when a query nests deeper than allowed, then one error gives the limit and the depth", () => {
    const errors = depthErrors(
      "{ school(urn: 1) { region { schools { edges { node { name } } } } } }",
      4,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/6 deep; at most 4/);
    expect(errors[0]?.extensions).toMatchObject({ maximum: 4, actual: 6 });
  });

  it("when depth is hidden in fragments, then it still counts", () => {
    const query = `{ school(urn: 1) { ...A } }
      fragment A on School { region { ...B } }
      fragment B on Region { schools { edges { node { name } } } }`;
    expect(depthErrors(query, 5)).toHaveLength(1);
    expect(depthErrors(query, 6)).toHaveLength(0);
  });

  it("when the standard introspection query is sent, then its own allowance admits it", () => {
    expect(depthErrors(getIntrospectionQuery(), 3)).toHaveLength(0);
  });

  it("when an introspection query nests absurdly, then it is refused too", () => {
    const deep = `{ __schema { types { ${"fields { type { ".repeat(12)} name ${"} } ".repeat(12)} } } }`;
    expect(depthErrors(deep, 10)).toHaveLength(1);
  });
});
