import { getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { documentLimitError, documentSize } from "./document-limits.js";

/** Twenty fragments, each spreading the one before twice: a million fields in a few lines. */
function doublingFragments(levels: number): string {
  const fragments = ["fragment F0 on School { name }"];
  for (let level = 1; level <= levels; level++) {
    fragments.push(`fragment F${level} on School { ...F${level - 1} ...F${level - 1} }`);
  }
  return `query { school(urn: 100000) { ...F${levels} } }\n${fragments.join("\n")}`;
}

const limits = { maxFields: 2_000, maxAliases: 100, maxDirectives: 50 };

describe("documentSize", () => {
  it("when fields sit in fragments, then each spread counts the fragment's fields again", () => {
    const size = documentSize(
      parse(
        "{ a: school(urn: 1) { ...S } b: school(urn: 2) { ...S } } fragment S on School { urn name }",
      ),
    );
    // 2 schools × (1 + 2) in the operation, plus the fragment's own 2 as validation reads it.
    expect(size).toEqual({ fields: 8, aliases: 2, directives: 0 });
  });

  it("when fragments double twenty times, then the expanded size is counted without expanding", () => {
    // 2^20 names under school, the school itself, and every fragment definition's own size.
    const fragmentsAlone = Array.from({ length: 21 }, (_, level) => 2 ** level).reduce(
      (sum, size) => sum + size,
    );
    expect(documentSize(parse(doublingFragments(20))).fields).toBe(1 + 2 ** 20 + fragmentsAlone);
  });

  it("when fragments spread each other in a cycle, then the count ends", () => {
    const size = documentSize(
      parse(
        "{ school(urn: 1) { ...A } } fragment A on School { urn ...B } fragment B on School { name ...A }",
      ),
    );
    expect(size.fields).toBeGreaterThan(0);
  });
});

describe("documentLimitError", () => {
  it("when fragments expand past the field limit, then the refusal names the limit and the size", () => {
    expect(documentLimitError(parse(doublingFragments(20)), limits)?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "fields",
      maximum: 2_000,
    });
  });

  it("when a field is aliased 400 times, then it is refused for its aliases", () => {
    const aliased = Array.from({ length: 400 }, (_, i) => `a${i}: regions { code }`).join(" ");
    expect(documentLimitError(parse(`{ ${aliased} }`), limits)?.extensions).toMatchObject({
      limit: "aliases",
      maximum: 100,
      actual: 400,
    });
  });

  it("when directives sit in a fragment spread many times, then each spread counts them again", () => {
    const size = documentSize(
      parse(
        `query Q @skip(if: false) { ${Array.from({ length: 30 }, (_, i) => `s${i}: school(urn: ${i}) { ...D }`).join(" ")} }
         fragment D on School { name @include(if: true) urn @skip(if: false) }`,
      ),
    );
    // 30 spreads × 2, the fragment's own 2, and the operation's 1.
    expect(size.directives).toBe(63);
    expect(documentLimitError(parse("{ __typename @include(if: true) }"), limits)).toBeUndefined();
  });

  it("when a field repeats a directive 60 times, then it is refused for its directives", () => {
    const repeated = Array.from({ length: 60 }, () => "@include(if: true)").join(" ");
    expect(
      documentLimitError(parse(`{ __typename ${repeated} }`), limits)?.extensions,
    ).toMatchObject({ limit: "directives", maximum: 50, actual: 60 });
  });

  it("when the standard introspection query is sent, then it is within the limits", () => {
    expect(documentLimitError(parse(getIntrospectionQuery()), limits)).toBeUndefined();
  });
});
