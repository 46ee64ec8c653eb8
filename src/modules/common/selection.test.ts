import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type FieldNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selection.js";

/** Enough of a resolve info for the top-level field of `query`. */
function infoFor(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const field = operation?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments, variableValues } as unknown as GraphQLResolveInfo;
}

describe("selectsField", () => {
  it("when the field is selected directly, then it is found", () => {
    expect(selectsField(infoFor("{ schools { totalCount edges { cursor } } }"), "totalCount")).toBe(
      true,
    );
  });

  it("when the field is not selected, then it is not found, even deeper down", () => {
    const info = infoFor("{ schools { edges { node { totalCount } } } }");
    expect(selectsField(info, "totalCount")).toBe(false);
  });

  it("when the field sits in a fragment or inline fragment, then it is found", () => {
    expect(
      selectsField(
        infoFor("{ schools { ...Count } } fragment Count on SchoolConnection { totalCount }"),
        "totalCount",
      ),
    ).toBe(true);
    expect(
      selectsField(infoFor("{ schools { ... on SchoolConnection { totalCount } } }"), "totalCount"),
    ).toBe(true);
  });

  it("when the field is switched off with @skip or @include, then it is not counted as selected", () => {
    const query = "query ($skip: Boolean!) { schools { totalCount @skip(if: $skip) } }";
    expect(selectsField(infoFor(query, { skip: true }), "totalCount")).toBe(false);
    expect(selectsField(infoFor(query, { skip: false }), "totalCount")).toBe(true);
    expect(
      selectsField(infoFor("{ schools { totalCount @include(if: false) } }"), "totalCount"),
    ).toBe(false);
  });
});
