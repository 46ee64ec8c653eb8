import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/index.js";
import { thrown } from "../../errors/errors.fixtures.js";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  afterParams,
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
} from "./pagination.js";

describe("pageSize", () => {
  it("when first is absent or null, then the default page size is used", () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
  });

  it("when first is within 1..100, then it is used as it is", () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, 101, 2.5])(
    "when first is %s, then a BAD_USER_INPUT error names `first`",
    (first) => {
      const error = thrown(() => pageSize(first));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain("first");
      expect((error as ValidationError).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        argument: "first",
      });
    },
  );
});

describe("cursors", () => {
  it("when a position is encoded and decoded, then the same position comes back", () => {
    const position = { name: 'St Mary\'s C of E (VA) Primary – "Ünïcode"', urn: 123456 };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it("when there is no cursor, then the first page is meant", () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(null)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc def!"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["the wrong shape", Buffer.from(JSON.stringify({ name: "a", urn: 1 })).toString("base64url")],
    ["a non-integer URN", Buffer.from(JSON.stringify(["a", 1.5])).toString("base64url")],
    ["too long", "A".repeat(2_000)],
  ])("when the cursor is %s, then a BAD_USER_INPUT error names `after`", (_case, cursor) => {
    const error = thrown(() => decodeCursor(cursor));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain("after");
    expect((error as ValidationError).extensions["argument"]).toBe("after");
  });

  it("when a position is given, then the statement parameters carry it; none gives nulls", () => {
    expect(afterParams({ name: "A", urn: 1 })).toEqual({ afterName: "A", afterUrn: 1 });
    expect(afterParams(null)).toEqual({ afterName: null, afterUrn: null });
  });
});

describe("toPage", () => {
  const rows = [
    { name: "A", urn: 1 },
    { name: "B", urn: 2 },
    { name: "C", urn: 3 },
  ];

  it("when one row more than the page size came back, then another page follows and the extra row is dropped", () => {
    const page = toPage(rows, 2, (row) => row);
    expect(page.edges.map((edge) => edge.node.urn)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ name: "B", urn: 2 });
  });

  it("each edge's cursor points at its own row, so a page can resume after any edge", () => {
    const page = toPage(rows, 2, (row) => row);
    expect(page.edges.map((edge) => decodeCursor(edge.cursor))).toEqual([
      { name: "A", urn: 1 },
      { name: "B", urn: 2 },
    ]);
  });

  it("when no more rows than the page size came back, then this is the last page", () => {
    const page = toPage(rows, 3, (row) => row, 3);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.totalCount).toBe(3);
  });

  it("when there are no rows, then the end cursor is null", () => {
    expect(toPage([], 5, (row: { name: string; urn: number }) => row).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});
