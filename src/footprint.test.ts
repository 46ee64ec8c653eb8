import { describe, expect, it } from "vitest";
import { footprint } from "./footprint.js";

describe("footprint", () => {
  it("when given a time and memory figures, then reports whole milliseconds and MB to one decimal", () => {
    const report = footprint(1234.6, {
      rss: 150 * 1024 * 1024,
      heapUsed: 61.27 * 1024 * 1024,
      heapTotal: 80 * 1024 * 1024,
    });

    expect(report).toEqual({ startupMs: 1235, rssMb: 150, heapUsedMb: 61.3, heapTotalMb: 80 });
  });

  it("when called without arguments, then measures this process", () => {
    const report = footprint();

    expect(report.startupMs).toBeGreaterThan(0);
    expect(report.rssMb).toBeGreaterThan(report.heapUsedMb);
  });
});
