import { describe, expect, it } from "vitest";
import { FeatureIndex } from "../similarity/feature-index.js";
import { profile } from "../similarity/profile.fixture.js";
import { ContextNeighbourFinder } from "./context-neighbours.js";
import { CONTEXT_NEIGHBOUR_WEIGHTS } from "./evaluation.rules.js";

/**
 * Ten primaries alike in everything but FSM (urn 5 has 50%), so distance follows the FSM gap:
 * from 5, school 11 (0, same context, far better KS2), then 4 (6), 6 (7), 7 (15), 3 (17), 8 (28),
 * 2 (29). Secondaries 101-103 share school 5's context exactly.
 */
const FSM = [10, 21, 33, 44, 50, 57, 65, 78, 90, 100];
const context = { ealPercent: 5, senPercent: 12, idaciScore: 0.2, pupils: 210 };
const profiles = [
  ...FSM.map((fsmPercent, i) =>
    profile({ urn: i + 1, fsmPercent, ks2RwmExpected: 20 + i, ...context }),
  ),
  profile({ urn: 11, fsmPercent: 50, ks2RwmExpected: 100, ks2MathsProgress: 6, ...context }),
  ...[101, 102, 103].map((urn, i) =>
    profile({ urn, phase: "SECONDARY", fsmPercent: 50 + i, ...context }),
  ),
];
const index = new FeatureIndex(profiles);

describe("ContextNeighbourFinder", () => {
  it("when k is 3, then the 3 nearest on context, outcomes ignored", () => {
    const finder = new ContextNeighbourFinder(index, new Set(), 3);
    // School 11 is school 5's twin on context though its KS2 figures are far apart.
    expect(finder.neighbours(5)).toEqual([11, 4, 6]);
    expect(finder.neighbours(1)).toEqual([2, 3, 4]);
  });

  it("when schools are in the group, then they are never anyone's comparison and k is still met", () => {
    const group = new Set([4, 5, 11, 6]);
    const finder = new ContextNeighbourFinder(index, group, 3);
    expect(finder.neighbours(5)).toEqual([7, 3, 8]);
    for (const urn of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      const found = finder.neighbours(urn);
      expect(found).toHaveLength(3);
      expect(found.some((other) => group.has(other) || other === urn)).toBe(false);
    }
  });

  it("when the group is large (a tree of its own over the schools left), then the same schools as through the set", () => {
    const small = new Set([4, 5, 11, 6]);
    const large = new Set([...small, ...Array.from({ length: 300 }, (_, i) => 1000 + i)]);
    const bySet = new ContextNeighbourFinder(index, small, 3);
    const byMask = new ContextNeighbourFinder(index, large, 3);
    for (const urn of [1, 3, 5, 7, 10])
      expect(byMask.neighbours(urn)).toEqual(bySet.neighbours(urn));
  });

  it("when a school is a secondary, then only secondaries are its neighbours, and never a primary's", () => {
    const finder = new ContextNeighbourFinder(index, new Set(), 20);
    expect(finder.neighbours(101)).toEqual([102, 103]);
    expect(finder.neighbours(5)).toHaveLength(10);
    expect(finder.neighbours(5).some((urn) => urn > 100)).toBe(false);
  });

  it("when compared with similar() on the same weights less the group, then the same schools in the same order", () => {
    const group = new Set([2, 5, 9]);
    const finder = new ContextNeighbourFinder(index, group, 4);
    for (const { urn } of profiles) {
      const expected = index
        .similar(urn, { first: 100, weights: CONTEXT_NEIGHBOUR_WEIGHTS })
        .map((school) => school.urn)
        .filter((other) => !group.has(other))
        .slice(0, 4);
      expect(finder.neighbours(urn)).toEqual(expected);
    }
  });

  it("when the school is not indexed, then no neighbours", () => {
    expect(new ContextNeighbourFinder(index, new Set()).neighbours(999)).toEqual([]);
  });
});
