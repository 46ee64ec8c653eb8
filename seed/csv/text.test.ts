import { describe, expect, it } from "vitest";
import { decodeText, repairWindows1252 } from "./text.js";

describe("decodeText", () => {
  it("when the bytes are Windows-1252, then curly quotes and accents decode correctly", () => {
    const bytes = new Uint8Array([
      0x53, 0x74, 0x20, 0x4d, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20, 0xe0, 0x80,
    ]);
    expect(decodeText(bytes)).toBe("St Mary\u2019s \u00e0\u20ac");
  });

  it("when UTF-8 carries Windows-1252 quotes read as Latin-1, then they are repaired", () => {
    const bytes = new TextEncoder().encode("St Thomas\u0092 Federation, FIERT\u00c9");
    expect(decodeText(bytes)).toBe("St Thomas\u2019 Federation, FIERT\u00c9");
  });

  it("when the file starts with a UTF-8 byte-order mark, then the mark is dropped", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x55, 0x52, 0x4e]);
    expect(decodeText(bytes)).toBe("URN");
  });
});

describe("repairWindows1252", () => {
  it("when a C1 control has no Windows-1252 meaning, then it is left alone", () => {
    expect(repairWindows1252("a\u0081b\u0096c")).toBe("a\u0081b\u2013c");
  });
});
