import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "./concurrency.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("ConcurrencyGate", () => {
  it("when twenty tasks arrive at once with a limit of three, then no more than three run together and all finish in order of arrival", async () => {
    const gate = new ConcurrencyGate(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate.run(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
          return i * 2;
        }),
      ),
    );

    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it("when a task fails, then its place goes to the next one and the failure reaches its caller", async () => {
    const gate = new ConcurrencyGate(1);
    const failed = gate.run(() => Promise.reject(new Error("boom")));
    const next = gate.run(() => Promise.resolve("next"));

    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });

  it("when the limit is not a positive whole number, then it is refused", () => {
    expect(() => new ConcurrencyGate(0)).toThrow(/at least 1/);
  });
});
