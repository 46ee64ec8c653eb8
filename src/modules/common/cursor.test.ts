import { describe, expect, it } from "vitest";
import { decodeCursorTuple, encodeCursorTuple } from "./cursor.js";

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
