import { describe, expect, it } from "vitest";
import { coverageWeight } from "./adviser.rules.js";
import { coverageFrom } from "./coverage.js";

describe("coverageWeight", () => {
  it("when schools are in bands 1 to 4 or none, then they weigh 4, 3, 2, 1 and 1", () => {
    expect([1, 2, 3, 4, null].map(coverageWeight)).toEqual([4, 3, 2, 1, 1]);
  });
});

describe("coverageFrom", () => {
  it("when one band-1 and one band-4 school of five are advised, then weighted coverage is 5/13", () => {
    // Schools: band 1 ×2 (1 advised), band 2 ×1, band 4 ×1 (advised), unbanded ×1.
    // Total weight 2×4 + 3 + 1 + 1 = 13; advised weight 4 + 1 = 5.
    const figures = coverageFrom([
      { band: 1, schools: 2, advised: 1 },
      { band: 2, schools: 1, advised: 0 },
      { band: 4, schools: 1, advised: 1 },
      { band: null, schools: 1, advised: 0 },
    ]);

    expect(figures).toMatchObject({
      schools: 5,
      advised: 2,
      unadvised: 3,
      totalWeight: 13,
      advisedWeight: 5,
      coverage: 0.4,
    });
    expect(figures.weightedCoverage).toBeCloseTo(5 / 13, 12);
    expect(figures.byNeedBand.map((row) => [row.band, row.schools, row.unadvised])).toEqual([
      [1, 2, 1],
      [2, 1, 1],
      [3, 0, 0],
      [4, 1, 0],
      [null, 1, 1],
    ]);
  });

  it("when the same number of schools is advised, then advising the neediest scores higher", () => {
    const needy = coverageFrom([
      { band: 1, schools: 1, advised: 1 },
      { band: 4, schools: 1, advised: 0 },
    ]);
    const least = coverageFrom([
      { band: 1, schools: 1, advised: 0 },
      { band: 4, schools: 1, advised: 1 },
    ]);

    expect(needy.weightedCoverage).toBe(0.8);
    expect(least.weightedCoverage).toBe(0.2);
    expect(needy.coverage).toBe(least.coverage);
  });

  it("when an area has no schools, then every figure is zero", () => {
    expect(coverageFrom([])).toMatchObject({ schools: 0, weightedCoverage: 0, coverage: 0 });
  });
});
