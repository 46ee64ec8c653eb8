import { describe, expect, it } from "vitest";
import { decodeCursorTuple, decodeKeysetCursor, encodeCursorTuple } from "./cursor.js";

describe("cursor tuples", () => {
  it("when a tuple is encoded, then decoding gives it back", () => {
    expect(decodeCursorTuple(encodeCursorTuple(["Abbey School", 100123]))).toEqual([
      "Abbey School",
      100123,
    ]);
  });

  it("when the text is not base64url JSON holding an array, then it is not a cursor", () => {
    expect(decodeCursorTuple("")).toBeNull();
    expect(decodeCursorTuple("not a cursor!")).toBeNull();
    expect(decodeCursorTuple(Buffer.from("{}").toString("base64url"))).toBeNull();
    expect(decodeCursorTuple(Buffer.from("[1,").toString("base64url"))).toBeNull();
  });

  it("when the text is longer than allowed, then it is refused before decoding", () => {
    const cursor = encodeCursorTuple(["x".repeat(400), 1]);
    expect(decodeCursorTuple(cursor, 300)).toBeNull();
    expect(decodeCursorTuple(cursor)).not.toBeNull();
  });
});

describe("keyset cursors of a named shape", () => {
  const cursor = (...values: (string | number)[]) => encodeCursorTuple(values);

  it("when every position holds what its field names, then the tuple is returned", () => {
    expect(decodeKeysetCursor(cursor("Abbey School", 100123), ["string", "integer"])).toEqual([
      "Abbey School",
      100123,
    ]);
    expect(decodeKeysetCursor(cursor("2026-09-01", "svc-1"), ["date", "string"])).not.toBeNull();
    expect(
      decodeKeysetCursor(cursor("2026-11-22T10:00:00Z", "e1"), ["datetime", "string"]),
    ).not.toBeNull();
  });

  it("when a position holds something else or the length differs, then it is not a cursor", () => {
    expect(decodeKeysetCursor(cursor("Abbey School", 1.5), ["string", "integer"])).toBeNull();
    expect(decodeKeysetCursor(cursor(1, 2), ["string", "integer"])).toBeNull();
    expect(decodeKeysetCursor(cursor("22/11/2026", "svc-1"), ["date", "string"])).toBeNull();
    expect(decodeKeysetCursor(cursor("not a time", "e1"), ["datetime", "string"])).toBeNull();
    expect(decodeKeysetCursor(cursor(1, 2, 3), ["integer", "integer"])).toBeNull();
    expect(decodeKeysetCursor(cursor(1), ["integer", "integer"])).toBeNull();
  });
});
