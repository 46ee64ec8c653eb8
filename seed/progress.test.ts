import { describe, expect, it } from "vitest";
import { lineProgress } from "./progress.js";

describe("lineProgress", () => {
  it("when output is not a terminal, then a stage reports its start, each quarter and its end", () => {
    const lines: string[] = [];
    const stage = lineProgress((line) => lines.push(line)).stage("schools", 100);
    for (let i = 0; i < 10; i++) stage.increment(10);
    stage.stop();
    expect(lines.slice(0, 4)).toEqual([
      "schools: 0/100 rows",
      "schools: 30/100 rows",
      "schools: 50/100 rows",
      "schools: 80/100 rows",
    ]);
    expect(lines[4]).toMatch(/^schools: 100\/100 rows in \d+\.\ds$/);
  });
});
