import { describe, expect, it, vi } from "vitest";
import { Memo, VersionedValue } from "./versioned.js";

describe("Memo", () => {
  it("when a key is asked for again, then it is not computed again", () => {
    const memo = new Memo();
    const compute = vi.fn(() => 42);
    expect(memo.memoize("a", compute)).toBe(42);
    expect(memo.memoize("a", compute)).toBe(42);
    expect(memo.memoize("b", () => 7)).toBe(7);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});

describe("VersionedValue", () => {
  it("when the version is unchanged, then the held value is shared, even while loading", async () => {
    const held = new VersionedValue<number>();
    const load = vi.fn(() => Promise.resolve(1));
    const [a, b] = await Promise.all([held.get("v1", load), held.get("v1", load)]);
    expect([a, b]).toEqual([1, 1]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("when the version changes, then it loads again and is handed what was held", async () => {
    const held = new VersionedValue<number>();
    await held.get("v1", () => Promise.resolve(1));
    const value = await held.get("v2", async (previous) => ((await previous) ?? 0) + 1);
    expect(value).toBe(2);
  });

  it("when a load fails, then nothing is kept and the next ask loads afresh", async () => {
    const held = new VersionedValue<number>();
    await expect(held.get("v1", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    const load = vi.fn((previous: Promise<number> | null) =>
      Promise.resolve(previous === null ? 3 : -1),
    );
    expect(await held.get("v1", load)).toBe(3);
  });

  it("when cleared, then the next ask loads with nothing held", async () => {
    const held = new VersionedValue<number>();
    await held.get("v1", () => Promise.resolve(1));
    held.clear();
    expect(await held.get("v1", (previous) => Promise.resolve(previous === null ? 5 : -1))).toBe(5);
  });
});
