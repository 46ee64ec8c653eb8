import { describe, expect, it } from "vitest";
import { fixtureLeader, fixtureSchool, north } from "./support.fixture.js";
import { describeReasonCode, rankSupportCandidates, specialismFit } from "./candidates.js";

const leader = fixtureLeader({ id: "nle", designation: "NLE", specialisms: ["MATHEMATICS"] });
const options = { first: 10, maxDistanceKm: null, supported: new Set<number>() };

describe("rankSupportCandidates", () => {
  it("when schools differ in need, fit and distance, then they are ranked by need × fit × reach", () => {
    const schools = [
      fixtureSchool({ urn: 1, needBand: 3, needAreas: ["MATHEMATICS"], latitude: north(1) }),
      fixtureSchool({ urn: 2, needBand: 1, needAreas: ["ENGLISH"], latitude: north(20) }),
      fixtureSchool({ urn: 3, needBand: 2, needAreas: ["MATHEMATICS"], latitude: north(5) }),
      fixtureSchool({ urn: 4, needBand: 4, latitude: north(1) }),
    ];

    const ranked = rankSupportCandidates(leader, schools, options);

    // 3: 0.75 × 1 × 0.9 = 0.675; 2: 1 × 0.6 × 0.6 = 0.36; 1: 0.4 × 1 × 0.98 = 0.392.
    expect(ranked.map((c) => c.urn)).toEqual([3, 1, 2]);
    expect(ranked[0]?.score).toBeCloseTo(0.675);
    expect(ranked[0]?.reasons.map((r) => r.factor)).toEqual(["NEED", "FIT", "REACH"]);
    expect(ranked[0]?.fitsWeakestArea).toBe(true);
  });

  it("when a school already has an open engagement, then it is never offered", () => {
    const schools = [
      fixtureSchool({ urn: 1, needBand: 1 }),
      fixtureSchool({ urn: 2, needBand: 2 }),
    ];

    const ranked = rankSupportCandidates(leader, schools, { ...options, supported: new Set([1]) });

    expect(ranked.map((c) => c.urn)).toEqual([2]);
  });

  it("when a school is the leader's own, of another phase or beyond reach, then it is not a candidate", () => {
    const schools = [
      fixtureSchool({ urn: 10, needBand: 1 }),
      fixtureSchool({ urn: 11, needBand: 1, phase: "SECONDARY" }),
      fixtureSchool({ urn: 12, needBand: 1, latitude: north(26) }),
      fixtureSchool({ urn: 13, needBand: 1, latitude: north(26), rural: true }),
    ];

    const ranked = rankSupportCandidates({ ...leader, baseUrn: 10 }, schools, options);

    // NLE reach: 25 km urban, 37.5 km rural.
    expect(ranked.map((c) => c.urn)).toEqual([13]);
    expect(ranked[0]?.reasons[2]?.detail).toBe("26.0 km away; reach 37.5 km for a rural school");
  });

  it("when maxDistanceKm is given, then it replaces the reach rule", () => {
    const schools = [fixtureSchool({ urn: 1, needBand: 2, latitude: north(40) })];

    expect(rankSupportCandidates(leader, schools, options)).toEqual([]);
    expect(
      rankSupportCandidates(leader, schools, { ...options, maxDistanceKm: 50 }).map((c) => c.urn),
    ).toEqual([1]);
  });

  it("when more candidates qualify than asked for, then the first `first` come back", () => {
    const schools = [1, 2, 3].map((urn) =>
      fixtureSchool({ urn, needBand: 2, latitude: north(urn) }),
    );

    expect(
      rankSupportCandidates(leader, schools, { ...options, first: 2 }).map((c) => c.urn),
    ).toEqual([1, 2]);
  });
});

describe("specialismFit", () => {
  it("when a specialism matches the weakest area, another area, or none, then fit is 1, 0.8 or 0.6", () => {
    expect(specialismFit({ specialisms: ["ENGLISH"] }, ["ENGLISH", "LEADERSHIP"]).value).toBe(1);
    expect(specialismFit({ specialisms: ["LEADERSHIP"] }, ["ENGLISH", "LEADERSHIP"]).value).toBe(
      0.8,
    );
    expect(specialismFit({ specialisms: ["SCIENCE"] }, ["ENGLISH"]).value).toBe(0.6);
  });
});

describe("describeReasonCode", () => {
  it("when a reason code is shown, then it reads as words with key stages and Ofsted capitalised", () => {
    expect(describeReasonCode("KS2_MATHS_PROGRESS_WELL_BELOW_FAMILY")).toBe(
      "KS2 maths progress well below family",
    );
    expect(describeReasonCode("OFSTED_INADEQUATE")).toBe("Ofsted inadequate");
  });
});
