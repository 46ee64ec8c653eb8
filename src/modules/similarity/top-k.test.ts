import { describe, expect, it } from "vitest";
import { TopK } from "./top-k.js";
import { seededRandom } from "./stats.js";

describe("TopK", () => {
  it("when offered more entries than it holds, then keeps the smallest keys in order", () => {
    const top = new TopK(3);
    [5, 1, 4, 2, 3, 0.5].forEach((key, item) => top.offer(key, item, item));

    expect(top.sorted().map((entry) => entry.key)).toEqual([0.5, 1, 2]);
  });

  it("when keys tie, then prefers the lower tie-breaker whatever the order offered", () => {
    const top = new TopK(2);
    top.offer(1, 30, 0);
    top.offer(1, 10, 1);
    top.offer(1, 20, 2);

    expect(top.sorted().map((entry) => entry.tie)).toEqual([10, 20]);
  });

  it("when full, then its bound is the worst key kept", () => {
    const top = new TopK(2);
    top.offer(3, 0, 0);
    expect(top.bound).toBe(Infinity);
    top.offer(7, 1, 1);

    expect(top.bound).toBe(7);
  });

  it("when fed random keys, then agrees with a full sort", () => {
    const random = seededRandom(11);
    const keys = Array.from({ length: 500 }, () => Math.floor(random() * 50));
    const top = new TopK(25);
    keys.forEach((key, item) => top.offer(key, item, item));

    const expected = keys
      .map((key, item) => ({ key, tie: item, item }))
      .sort((a, b) => a.key - b.key || a.tie - b.tie)
      .slice(0, 25);
    expect(top.sorted()).toEqual(expected);
  });
});
