import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { knownOperationTypes } from "./operation-types.js";

const schema = buildSchema("type Query { name: String }");

function errors(query: string) {
  return validate(schema, parse(query), [...specifiedRules, knownOperationTypes]);
}

describe("knownOperationTypes", () => {
  it("when a subscription is sent to a schema without subscriptions, then validation refuses it", () => {
    expect(errors("subscription { __typename }")).toMatchObject([
      {
        message: "This service does not support subscription operations.",
        extensions: { operation: "subscription" },
      },
    ]);
  });

  it("when a query is sent, then it passes", () => {
    expect(errors("{ name }")).toEqual([]);
  });
});
