import { describe, expect, it } from "vitest";
import { RequestError } from "../errors/index.js";
import { bookmarkHeader, parseBookmarkHeader } from "./bookmarks.js";

describe("the X-Data-Bookmark header", () => {
  it("gives back the bookmarks it was made from", () => {
    const bookmarks = [
      "FB:kcwQx9VrSs4gQ0y1Y6ZP/+6qBMkAkJA=",
      "FB:kcwQx9VrSs4gQ0y1Y6ZP/+6qBMkAlpA=",
    ];
    expect(parseBookmarkHeader(bookmarkHeader(bookmarks))).toEqual(bookmarks);
  });

  it("reads no header, or an empty one, as no bookmarks", () => {
    expect(parseBookmarkHeader(undefined)).toEqual([]);
    expect(parseBookmarkHeader("  ")).toEqual([]);
  });

  it.each([
    ["not base64url JSON", "not a bookmark"],
    ["an empty list", bookmarkHeader([])],
    ["a list of numbers", Buffer.from("[1,2]").toString("base64url")],
    ["an object", Buffer.from('{"a":"b"}').toString("base64url")],
    ["too many bookmarks", bookmarkHeader(Array.from({ length: 17 }, (_, i) => `FB:${i}`))],
  ])("refuses %s as a bad request", (_, value) => {
    let caught: unknown;
    try {
      parseBookmarkHeader(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RequestError);
    expect((caught as RequestError).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      http: { status: 400 },
    });
  });
});
