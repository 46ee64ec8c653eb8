import { describe, expect, it } from "vitest";
import type { Rejection } from "./rejections.js";
import type { SeedSummary } from "./run.js";
import { formatSummary } from "./summary.js";

function summary(rejections: Rejection[]): SeedSummary {
  return {
    loaded: true,
    counts: { nodes: { School: 2 }, relationships: { MEMBER_OF: 1 } },
    skipped: [["GIAS groups: school sponsors", 3]],
    rejections,
    rejectionLog: "/tmp/seed-rejections.log",
    timings: { parseMs: 1000, writeMs: 2000, giasMs: 0, systemLeadersMs: 0, totalMs: 3000 },
  };
}

describe("formatSummary", () => {
  it("when rows were rejected, then each shows as file:line: reason and they are counted by reason", () => {
    const text = formatSummary(
      summary([
        { file: "links.csv", line: 7, reason: "member URN is not a school", detail: "URN 1" },
      ]),
    );
    expect(text).toContain("Rejected rows: 1");
    expect(text).toContain("links.csv:7: member URN is not a school (URN 1)");
    expect(text).toContain("All rejections: /tmp/seed-rejections.log");
    expect(text).toContain("GIAS groups: school sponsors");
    expect(text).toContain("Time: 3.0s (read and join 1.0s, write 2.0s)");
  });

  it("when more than fifty rows were rejected, then fifty are shown and the rest counted", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      file: "f.csv",
      line: i + 2,
      reason: "bad",
    }));
    const text = formatSummary(summary(many));
    expect(text).toContain("f.csv:51: bad");
    expect(text).not.toContain("f.csv:52: bad");
    expect(text).toContain("... and 10 more");
  });
});
