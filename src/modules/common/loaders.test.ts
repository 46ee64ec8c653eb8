import { describe, expect, it, vi } from "vitest";
import { keyedLoader } from "./loaders.js";

function squares() {
  const fetch = vi.fn(async (keys: readonly number[]) => new Map(keys.map((k) => [k, k * k])));
  return { fetch, loader: keyedLoader<number, number | null>(fetch, () => null) };
}

describe("KeyedLoader.get", () => {
  it("when a key has not been read, then it is loaded in one batch with the others", async () => {
    const { fetch, loader } = squares();
    const values = [loader.get(2), loader.get(3)];
    expect(values.every((value) => value instanceof Promise)).toBe(true);
    expect(await Promise.all(values)).toEqual([4, 9]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("when a key was read or primed before, then its value comes at once, with no promise", async () => {
    const { fetch, loader } = squares();
    await loader.load(2);
    loader.prime(5, 25);
    expect(loader.get(2)).toBe(4);
    expect(loader.get(5)).toBe(25);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("when a key the graph lacks was read, then it answers missing() at once after", async () => {
    const fetch = vi.fn(async () => new Map<number, string>());
    const loader = keyedLoader<number, string | null>(fetch, () => null);
    expect(await loader.load(7)).toBeNull();
    expect(loader.get(7)).toBeNull();
  });

  it("when a key is cleared, then it is read again", async () => {
    const { fetch, loader } = squares();
    loader.prime(3, 0);
    loader.clear(3);
    expect(await loader.get(3)).toBe(9);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
