/** partnerSuggestions against the full England data. */
import { describe, expect, it } from "vitest";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const ALDGATE = 100000;
/** A secondary in the Harris Federation (gias-3320), with a dozen stronger trust schools nearby. */
const HARRIS_PURLEY = 135955;

interface Suggestion {
  urn: number;
  name: string;
  score: number;
  distanceKm: number;
  focus: string;
  focusValue: number;
  school: {
    urn: number;
    name: string;
    phase: string;
    memberships: { partnership: { id: string } }[];
  };
  reasons: { factor: string; value: number; weight: number; contribution: number }[];
}

const SUGGESTIONS = `
  query Suggestions($urn: Int!, $input: PartnerSearchInput) {
    school(urn: $urn) { phase memberships { partnership { id } } }
    partnerSuggestions(urn: $urn, input: $input) {
      urn name score distanceKm focus focusValue
      school { urn name phase memberships { partnership { id } } }
      reasons { factor value weight contribution }
    }
  }`;

async function suggestions(urn: number, input?: Record<string, unknown>) {
  return dataOf(await api().executeText(SUGGESTIONS, { urn, input })) as {
    school: { phase: string; memberships: { partnership: { id: string } }[] };
    partnerSuggestions: Suggestion[];
  };
}

async function errorOf(input: Record<string, unknown>) {
  return (await api().executeText(SUGGESTIONS, { urn: ALDGATE, input })).errors?.[0];
}

describe("partnerSuggestions", () => {
  it("when a trust school asks, then no suggestion is a member of any of its partnerships", async () => {
    // Precondition: trust schools within reach do beat it, so leaving them out is what is tested.
    const trustmates = await api().db.driver.executeQuery(
      `MATCH (s:School {urn: $urn})-[:MEMBER_OF]->(:Partnership)<-[:MEMBER_OF]-(o:School)
       WHERE o.ks4Progress8 > s.ks4Progress8 AND point.distance(s.location, o.location) < 15000
       RETURN count(DISTINCT o) AS stronger`,
      { urn: HARRIS_PURLEY },
    );
    expect(Number(trustmates.records[0]?.get("stronger"))).toBeGreaterThan(0);

    const { school, partnerSuggestions } = await suggestions(HARRIS_PURLEY, {
      focus: "KS4_PROGRESS8",
      phaseMode: "ANY",
      maxDistanceKm: 15,
      first: 100,
    });

    const own = new Set(school.memberships.map((m) => m.partnership.id));
    expect(own).toContain("gias-3320");
    expect(partnerSuggestions.length).toBeGreaterThan(0);
    for (const suggestion of partnerSuggestions) {
      expect(suggestion.school.memberships.filter((m) => own.has(m.partnership.id))).toEqual([]);
    }
  });

  it("when suggestions come back, then they are best first, within reach, and their reasons add up to the score", async () => {
    const { partnerSuggestions } = await suggestions(ALDGATE, {
      focus: "KS2_MATHS_PROGRESS",
      maxDistanceKm: 10,
      first: 50,
    });

    expect(partnerSuggestions.length).toBeGreaterThan(0);
    const scores = partnerSuggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const suggestion of partnerSuggestions) {
      expect(suggestion.distanceKm).toBeLessThanOrEqual(10);
      expect(suggestion.score).toBeLessThanOrEqual(1);
      expect(suggestion.reasons.map((r) => r.factor)).toEqual([
        "FOCUS_STRENGTH",
        "CONTEXT_SIMILARITY",
        "PROXIMITY",
        "CAPACITY",
        "NETWORK_BRIDGE",
      ]);
      const total = suggestion.reasons.reduce((sum, r) => sum + r.contribution, 0);
      expect(total).toBeCloseTo(suggestion.score, 12);
      expect(suggestion.focus).toBe("KS2_MATHS_PROGRESS");
      expect([suggestion.urn, suggestion.name]).toEqual([
        suggestion.school.urn,
        suggestion.school.name,
      ]);
    }
  });

  it("when the phase mode is SAME_PHASE or CROSS_PHASE, then partners are of the same or of other phases", async () => {
    const same = await suggestions(HARRIS_PURLEY, { focus: "OFSTED_GRADE", first: 30 });
    const cross = await suggestions(HARRIS_PURLEY, {
      focus: "OFSTED_GRADE",
      phaseMode: "CROSS_PHASE",
      first: 30,
    });

    expect(same.partnerSuggestions.every((s) => s.school.phase === "SECONDARY")).toBe(true);
    expect(cross.partnerSuggestions.length).toBeGreaterThan(0);
    expect(cross.partnerSuggestions.every((s) => s.school.phase !== "SECONDARY")).toBe(true);
  });

  it("when no focus is given, then one is chosen, reported on each suggestion, and measured for the phase", async () => {
    const { partnerSuggestions } = await suggestions(ALDGATE);

    expect(partnerSuggestions.length).toBeGreaterThan(0);
    const focuses = new Set(partnerSuggestions.map((s) => s.focus));
    expect(focuses.size).toBe(1);
    expect([
      "KS2_READING_PROGRESS",
      "KS2_WRITING_PROGRESS",
      "KS2_MATHS_PROGRESS",
      "KS2_RWM_EXPECTED",
      "OFSTED_GRADE",
    ]).toContain([...focuses][0]);
  });

  it("when the URN is unknown, then the list is empty and there is no error", async () => {
    const result = await api().executeText(
      "{ partnerSuggestions(urn: 999999999, input: { focus: OFSTED_GRADE }) { score } }",
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ partnerSuggestions: [] });
  });
});

describe("partnerSuggestions with bad input", () => {
  it.each([
    ["maxDistanceKm is 0", { maxDistanceKm: 0 }, "input.maxDistanceKm"],
    ["maxDistanceKm is negative", { maxDistanceKm: -5 }, "input.maxDistanceKm"],
    ["first is over 100", { first: 101 }, "input.first"],
    ["first is 0", { first: 0 }, "input.first"],
    ["the focus is not measured for the phase", { focus: "KS4_ATTAINMENT8" }, "input.focus"],
  ])("when %s, then BAD_USER_INPUT names %s", async (_case, input, argument) => {
    const error = await errorOf(input);

    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", argument });
    expect(error?.message).toContain(`\`${argument}\``);
  });

  it("when the phase mode is unknown, then the request is refused as BAD_USER_INPUT", async () => {
    expect((await errorOf({ phaseMode: "NEARBY" }))?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });
});
