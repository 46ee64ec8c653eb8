import { describe, expect, it } from "vitest";
import { availableCapacity, reachKm, servesPhase } from "./reach.js";

describe("reachKm", () => {
  it("when the school is urban, rural or in a sparse setting, then reach is ×1, ×1.5 or ×2", () => {
    expect(reachKm("LLE", { rural: false, sparse: false })).toBe(15);
    expect(reachKm("LLE", { rural: true, sparse: false })).toBe(22.5);
    expect(reachKm("NLE", { rural: true, sparse: true })).toBe(50);
    expect(reachKm("TEACHING_SCHOOL_HUB", { rural: null, sparse: null }, 1.1)).toBeCloseTo(44);
  });
});

describe("servesPhase", () => {
  it("when the leader has a phase, then it serves that phase and its neighbours only", () => {
    expect(servesPhase("PRIMARY", "NURSERY")).toBe(true);
    expect(servesPhase("PRIMARY", "SECONDARY")).toBe(false);
    expect(servesPhase("SPECIAL", "ALTERNATIVE_PROVISION")).toBe(true);
    expect(servesPhase("SECONDARY", null)).toBe(false);
  });

  it("when the leader has no phase (a hub, governance), then it serves any school", () => {
    expect(servesPhase(null, "SPECIAL")).toBe(true);
    expect(servesPhase(null, null)).toBe(true);
  });
});

describe("capacity and open engagements", () => {
  it("when engagements are open, then they take places, never below zero", () => {
    expect(availableCapacity(3, 1)).toBe(2);
    expect(availableCapacity(1, 4)).toBe(0);
  });
});
