import { describe, expect, it, vi } from "vitest";
import { FreshVersion, Memo, VersionedValue } from "./versioned.js";

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

describe("FreshVersion", () => {
  function fresh(maxAgeMs: number) {
    let now = 0;
    let writes = 0;
    let stored = 1;
    const read = vi.fn(async () => stored);
    const version = new FreshVersion(read, { writes: () => writes, maxAgeMs }, () => now);
    return {
      version,
      read,
      later: (ms: number) => (now += ms),
      write: (value: number) => {
        stored = value;
        writes += 1;
      },
      writeElsewhere: (value: number) => (stored = value),
    };
  }

  it("when asked again within the age, then the version is not read again", async () => {
    const { version, read, later } = fresh(1_000);
    expect(await version.get()).toBe(1);
    later(999);
    expect(await version.get()).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("when this process has written, then the next use reads the new version at once", async () => {
    const { version, write } = fresh(1_000);
    expect(await version.get()).toBe(1);
    write(2);
    expect(await version.get()).toBe(2);
  });

  it("when another process has written, then the change is seen once the age has passed", async () => {
    const { version, later, writeElsewhere } = fresh(1_000);
    expect(await version.get()).toBe(1);
    writeElsewhere(2);
    later(500);
    expect(await version.get()).toBe(1);
    later(500);
    expect(await version.get()).toBe(2);
  });

  it("when the age is 0, then every use reads the version", async () => {
    const { version, read } = fresh(0);
    await version.get();
    await version.get();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("when the age is 0 and uses arrive while a read is under way, then they share it", async () => {
    const { version, read } = fresh(0);
    const together = await Promise.all([version.get(), version.get(), version.get()]);
    expect(together).toEqual([1, 1, 1]);
    expect(read).toHaveBeenCalledTimes(1);
    await version.get();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("when this process writes while a read is under way, then the next use reads again", async () => {
    const { version, read, write } = fresh(0);
    const before = version.get();
    write(2);
    expect(await version.get()).toBe(2);
    expect(await before).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("when a read fails, then it is not kept", async () => {
    const read = vi
      .fn<() => Promise<number>>()
      .mockRejectedValueOnce(new Error("database down"))
      .mockResolvedValue(3);
    const version = new FreshVersion(read, { writes: () => 0, maxAgeMs: 60_000 }, () => 0);
    await expect(version.get()).rejects.toThrow("database down");
    expect(await version.get()).toBe(3);
  });
});
