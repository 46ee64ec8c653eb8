import { describe, expect, it, vi } from "vitest";
import { ANONYMOUS, type Principal } from "../../auth/principal.js";
import { FeatureIndex } from "../similarity/feature-index.js";
import { profile } from "../similarity/profile.fixture.js";
import type { SimilarityIndex } from "../similarity/similarity-index.js";
import type { SchoolProfile } from "../similarity/similarity.model.js";
import { EARTH_RADIUS_KM } from "./geo.js";
import { OUTCOME_FEATURES, type OutcomeFeature } from "../similarity/features.js";
import { PartnerFacts, type PartnerFactsStore } from "./partner-facts.js";
import {
  defaultFocus,
  isEligiblePartner,
  FACTOR_WEIGHTS,
  MatchingService,
  NO_TOPICS,
  scorePartner,
  suggestPartners,
  type PartnerCandidate,
  type PartnerFactor,
  type PartnerTopics,
} from "./matching.service.js";
import { argumentOf } from "../../errors/errors.fixtures.js";

const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

function valuesOf(candidate: PartnerCandidate): Record<PartnerFactor, number> {
  return Object.fromEntries(candidate.reasons.map((r) => [r.factor, r.value])) as Record<
    PartnerFactor,
    number
  >;
}

/**
 * The hand-checked example. A asks for help with KS2 maths (-2). B is in A's trust; C is bigger
 * (400 pupils), 0.1° north and in two partnerships; D is A's size, 0.045° north and in none.
 */
function fourSchools(): SchoolProfile[] {
  const base = { fsmPercent: 20, senPercent: 10 };
  return [
    profile({
      urn: 1,
      ...base,
      pupils: 200,
      ks2MathsProgress: -2,
      location: { latitude: 52, longitude: -1 },
      partnershipIds: ["trust-1"],
    }),
    profile({
      urn: 2,
      ...base,
      pupils: 200,
      ks2MathsProgress: 3,
      location: { latitude: 52.05, longitude: -1 },
      partnershipIds: ["trust-1"],
    }),
    profile({
      urn: 3,
      ...base,
      pupils: 400,
      ks2MathsProgress: 1,
      location: { latitude: 52.1, longitude: -1 },
      partnershipIds: ["trust-2", "hub-3"],
    }),
    profile({
      urn: 4,
      ...base,
      pupils: 200,
      ks2MathsProgress: 0,
      location: { latitude: 52.045, longitude: -1 },
    }),
  ];
}

describe("scorePartner", () => {
  it("when every factor is at a round value, then weighs them as the table says", () => {
    const { score, reasons } = scorePartner({
      contextDistance: 1,
      focusGap: 1,
      distanceKm: 5,
      reachKm: 10,
      candidateMemberships: 1,
      askerIsolated: true,
      soughtCount: 4,
      matchedTopics: ["SEND", "MATHEMATICS"],
    });

    // 0.3·0.5 + 0.2·0.5 + 0.2·0.5 + 0.1·0.5 + 0.1·1 + 0.1·(2/4)
    expect(reasons.map((r) => [r.factor, r.value, r.contribution, r.matchedTopics])).toEqual([
      ["FOCUS_STRENGTH", 0.5, 0.15, []],
      ["CONTEXT_SIMILARITY", 0.5, 0.1, []],
      ["PROXIMITY", 0.5, 0.1, []],
      ["CAPACITY", 0.5, 0.05, []],
      ["NETWORK_BRIDGE", 1, 0.1, []],
      ["OFFERS_WHAT_IS_SOUGHT", 0.5, 0.05, ["SEND", "MATHEMATICS"]],
    ]);
    expect(score).toBeCloseTo(0.55, 15);
  });

  it("when the asker seeks nothing, then the offers factor is 0 whatever the candidate offers", () => {
    const { reasons } = scorePartner({
      contextDistance: 0,
      focusGap: 2,
      distanceKm: 0,
      reachKm: 10,
      candidateMemberships: 0,
      askerIsolated: false,
      soughtCount: 0,
      matchedTopics: [],
    });

    expect(reasons.at(-1)).toEqual({
      factor: "OFFERS_WHAT_IS_SOUGHT",
      value: 0,
      weight: 0.1,
      contribution: 0,
      matchedTopics: [],
    });
  });

  it("when the factor weights are added up, then they make 1", () => {
    const total = Object.values(FACTOR_WEIGHTS).reduce((sum, weight) => sum + weight, 0);

    expect(total).toBeCloseTo(1, 15);
  });
});

describe("suggestPartners on the four-school example", () => {
  const index = new FeatureIndex(fourSchools());
  const suggestions = suggestPartners(index, 1, { focus: "ks2MathsProgress" });

  it("when a candidate shares the asker's trust, then it is excluded", () => {
    expect(suggestions.map((s) => s.urn)).toEqual([4, 3]);
  });

  it("when scoring C, then each factor matches the hand calculation", () => {
    const c = suggestions.find((s) => s.urn === 3)!;
    // Pupils 200,200,200,400: median 200, IQR 250 - 200 = 50, so C is 200 / (50/1.349) =
    // 4·1.349 units bigger; FSM and SEN are equal. Context distance √0.5 · 4 · 1.349.
    // Maths -2,0,1,3: IQR 1.5 - (-0.5) = 2, so C's 3-point lead is 3·1.349/2 = 2.02 SDs: capped at 1.
    expect(c.distanceKm).toBeCloseTo(0.1 * KM_PER_DEGREE, 9);
    expect(valuesOf(c)).toEqual({
      FOCUS_STRENGTH: 1,
      CONTEXT_SIMILARITY: expect.closeTo(1 / (1 + Math.SQRT1_2 * 4 * 1.349), 12),
      PROXIMITY: expect.closeTo(1 - (0.1 * KM_PER_DEGREE) / 15, 9),
      CAPACITY: expect.closeTo(1 / 3, 15),
      NETWORK_BRIDGE: 0,
      OFFERS_WHAT_IS_SOUGHT: 0,
    });
    expect(c.focusValue).toBe(1);
  });

  it("when scoring D, then each factor matches the hand calculation", () => {
    const d = suggestions.find((s) => s.urn === 4)!;
    // D is A's twin in context; its 2-point lead is 2·1.349/2 = 1.349 SDs, half of that counts.
    expect(valuesOf(d)).toEqual({
      FOCUS_STRENGTH: expect.closeTo(1.349 / 2, 12),
      CONTEXT_SIMILARITY: 1,
      PROXIMITY: expect.closeTo(1 - (0.045 * KM_PER_DEGREE) / 15, 9),
      CAPACITY: 1,
      NETWORK_BRIDGE: 0,
      OFFERS_WHAT_IS_SOUGHT: 0,
    });
    // 0.3·0.6745 + 0.2 + 0.2·0.66641 + 0.1 ≈ 0.6356, ahead of C's
    // 0.3 + 0.2/(1 + 3.8155) + 0.2·0.25870 + 0.1/3 ≈ 0.4266.
    expect(d.score).toBeCloseTo(0.6356, 4);
    expect(suggestions[1]!.score).toBeCloseTo(0.4266, 4);
  });

  it("when summing a candidate's contributions, then they make its score exactly", () => {
    for (const candidate of suggestions) {
      const sum = candidate.reasons.reduce((total, r) => total + r.contribution, 0);
      expect(sum).toBe(candidate.score);
      for (const reason of candidate.reasons) {
        expect(reason.contribution).toBe(reason.weight * reason.value);
      }
    }
  });
});

describe("suggestPartners candidates", () => {
  const asker = (overrides: Partial<SchoolProfile> = {}) =>
    profile({
      urn: 1,
      pupils: 200,
      ks2MathsProgress: -2,
      location: { latitude: 52, longitude: 0 },
      ...overrides,
    });
  const candidate = (urn: number, overrides: Partial<SchoolProfile>) =>
    profile({
      urn,
      pupils: 200,
      ks2MathsProgress: 2,
      location: { latitude: 52, longitude: 0.1 },
      ...overrides,
    });

  it("when the asker is in no partnership, then a candidate in one outranks its isolated twin", () => {
    const index = new FeatureIndex([
      asker(),
      candidate(2, { location: { latitude: 52, longitude: 0.1 } }),
      candidate(3, { location: { latitude: 52, longitude: -0.1 }, partnershipIds: ["trust-9"] }),
    ]);

    const [first, second] = suggestPartners(index, 1, { focus: "ks2MathsProgress" });

    expect(first!.urn).toBe(3);
    expect(valuesOf(first!).NETWORK_BRIDGE).toBe(1);
    expect(valuesOf(second!).NETWORK_BRIDGE).toBe(0);
    // Same distance and context: the bridge (0.1) outweighs the capacity lost (0.1 − 0.05).
    expect(first!.distanceKm).toBe(second!.distanceKm);
    expect(first!.score - second!.score).toBeCloseTo(0.05, 12);
  });

  describe("with offers and seeks", () => {
    const twins = () =>
      new FeatureIndex([
        asker(),
        candidate(2, { location: { latitude: 52, longitude: 0.1 } }),
        candidate(3, { location: { latitude: 52, longitude: -0.1 } }),
      ]);
    const topics = (seeks: PartnerTopics["seeks"]): PartnerTopics => ({
      seeks,
      offered: new Map([
        [3, ["READING_AND_PHONICS", "SEND", "GOVERNANCE"]],
        [2, ["DIGITAL"]],
      ]),
    });

    it("when a twin offers two of the three topics sought, then it outranks the other by 0.1 × 2/3 and names them in the asker's order", () => {
      const seeks = ["SEND", "MATHEMATICS", "READING_AND_PHONICS"] as const;

      const [first, second] = suggestPartners(
        twins(),
        1,
        { focus: "ks2MathsProgress" },
        topics(seeks),
      );

      // Without topics the twins tie and the lower URN leads; the match reverses that.
      expect(first!.urn).toBe(3);
      expect(first!.reasons.at(-1)).toMatchObject({
        factor: "OFFERS_WHAT_IS_SOUGHT",
        value: 2 / 3,
        matchedTopics: ["SEND", "READING_AND_PHONICS"],
      });
      expect(valuesOf(second!).OFFERS_WHAT_IS_SOUGHT).toBe(0);
      expect(second!.reasons.every((r) => r.matchedTopics.length === 0)).toBe(true);
      expect(first!.score - second!.score).toBeCloseTo(0.1 * (2 / 3), 12);
      const [plain] = suggestPartners(twins(), 1, { focus: "ks2MathsProgress" });
      expect(plain!.urn).toBe(2);
      expect(first!.score - plain!.score).toBeCloseTo(0.1 * (2 / 3), 12);
    });

    it("when the asker seeks nothing, then what candidates offer changes no score", () => {
      const withOffers = suggestPartners(twins(), 1, { focus: "ks2MathsProgress" }, topics([]));

      expect(withOffers).toEqual(
        suggestPartners(twins(), 1, { focus: "ks2MathsProgress" }, NO_TOPICS),
      );
      expect(withOffers.map((s) => s.urn)).toEqual([2, 3]);
    });
  });

  it("when the asker is rural, then the default reach widens from 15 km to 40 km", () => {
    const far = candidate(2, { location: { latitude: 52.2, longitude: 0 } });
    const urban = new FeatureIndex([asker({ rural: false }), far]);
    const rural = new FeatureIndex([asker({ rural: true }), far]);
    const sparse = new FeatureIndex([asker({ sparse: true }), far]);

    expect(suggestPartners(urban, 1, { focus: "ks2MathsProgress" })).toEqual([]);
    const [found] = suggestPartners(rural, 1, { focus: "ks2MathsProgress" });
    expect(found!.distanceKm).toBeCloseTo(0.2 * KM_PER_DEGREE, 9);
    expect(valuesOf(found!).PROXIMITY).toBeCloseTo(1 - (0.2 * KM_PER_DEGREE) / 40, 9);
    expect(suggestPartners(sparse, 1, { focus: "ks2MathsProgress" })).toHaveLength(1);
    expect(suggestPartners(rural, 1, { focus: "ks2MathsProgress", maxDistanceKm: 20 })).toEqual([]);
    expect(
      suggestPartners(urban, 1, { focus: "ks2MathsProgress", maxDistanceKm: 25 }),
    ).toHaveLength(1);
  });

  it("when a candidate is weaker, equal or has no figure in the focus, then it is left out", () => {
    const index = new FeatureIndex([
      asker(),
      candidate(2, { ks2MathsProgress: -3 }),
      candidate(3, { ks2MathsProgress: -2 }),
      candidate(4, { ks2MathsProgress: null }),
      candidate(5, { ks2MathsProgress: 0.5 }),
    ]);

    expect(suggestPartners(index, 1, { focus: "ks2MathsProgress" }).map((s) => s.urn)).toEqual([5]);
  });

  it("when the focus is the Ofsted grade, then a lower grade is the stronger one", () => {
    const index = new FeatureIndex([
      asker({ ofstedGrade: 3 }),
      candidate(2, { ofstedGrade: 1 }),
      candidate(3, { ofstedGrade: 4 }),
      candidate(4, { ofstedGrade: 2 }),
    ]);

    expect(suggestPartners(index, 1, { focus: "ofstedGrade" }).map((s) => s.urn)).toEqual([2, 4]);
  });

  it("when the asker's own focus figure is missing, then candidates are measured against the median", () => {
    const index = new FeatureIndex([
      asker({ ks2MathsProgress: null }),
      candidate(2, { ks2MathsProgress: 1 }),
      candidate(3, { ks2MathsProgress: -1 }),
      candidate(4, { ks2MathsProgress: 0 }),
    ]);

    // Observed -1, 0, 1: median 0, so only school 2 is stronger.
    expect(suggestPartners(index, 1, { focus: "ks2MathsProgress" }).map((s) => s.urn)).toEqual([2]);
  });

  it("when choosing a phase mode, then candidates come from the phases it allows", () => {
    const index = new FeatureIndex([
      asker({ ofstedGrade: 3 }),
      candidate(2, { ofstedGrade: 1 }),
      candidate(3, { phase: "SECONDARY", ofstedGrade: 1 }),
      candidate(4, { phase: "ALL_THROUGH", ofstedGrade: 2 }),
    ]);
    const urns = (phaseMode: "SAME_PHASE" | "CROSS_PHASE" | "ANY") =>
      suggestPartners(index, 1, { focus: "ofstedGrade", phaseMode })
        .map((s) => s.urn)
        .sort();

    expect(urns("SAME_PHASE")).toEqual([2]);
    expect(urns("CROSS_PHASE")).toEqual([3, 4]);
    expect(urns("ANY")).toEqual([2, 3, 4]);
  });

  it("when the focus is a KS2 figure across phases, then only phases that sit KS2 take part", () => {
    // Schools without a location set where each one stands in its phase: the asker low, 3 high.
    const peers = (phase: "PRIMARY" | "ALL_THROUGH", from: number) =>
      [0, 1, 2].map((i) => profile({ urn: from + i, phase, ks2MathsProgress: 0 }));
    const index = new FeatureIndex([
      asker(),
      candidate(2, { phase: "SECONDARY" }),
      candidate(3, { phase: "ALL_THROUGH" }),
      ...peers("PRIMARY", 10),
      ...peers("ALL_THROUGH", 20),
    ]);

    const found = suggestPartners(index, 1, {
      focus: "ks2MathsProgress",
      phaseMode: "CROSS_PHASE",
    });

    expect(found.map((s) => s.urn)).toEqual([3]);
  });

  it("when the asker has no location or is unknown, then there are no suggestions", () => {
    const index = new FeatureIndex([asker({ location: null }), candidate(2, {})]);

    expect(suggestPartners(index, 1, { focus: "ks2MathsProgress" })).toEqual([]);
    expect(suggestPartners(index, 99, { focus: "ks2MathsProgress" })).toEqual([]);
  });

  it("when more candidates qualify than first allows, then returns the best first ones", () => {
    const schools = [asker()];
    for (let i = 0; i < 30; i++) {
      schools.push(candidate(100 + i, { location: { latitude: 52 + i * 0.001, longitude: 0 } }));
    }

    const found = suggestPartners(new FeatureIndex(schools), 1, {
      focus: "ks2MathsProgress",
      first: 5,
    });

    // Equal but for distance: the nearest five, nearest first.
    expect(found.map((s) => s.urn)).toEqual([100, 101, 102, 103, 104]);
  });
});

describe("suggestPartners validation", () => {
  const index = new FeatureIndex(fourSchools());

  it("when first is out of 1..100, then rejects it naming first", () => {
    expect(argumentOf(() => suggestPartners(index, 1, { focus: "ofstedGrade", first: 0 }))).toBe(
      "first",
    );
    expect(argumentOf(() => suggestPartners(index, 1, { focus: "ofstedGrade", first: 101 }))).toBe(
      "first",
    );
  });

  it("when maxDistanceKm is not above 0, then rejects it naming maxDistanceKm", () => {
    for (const maxDistanceKm of [0, -5, Number.NaN]) {
      expect(
        argumentOf(() => suggestPartners(index, 1, { focus: "ofstedGrade", maxDistanceKm })),
      ).toBe("maxDistanceKm");
    }
  });

  it("when the focus is not an outcome measured for the asker's phase, then rejects it naming focus", () => {
    expect(argumentOf(() => suggestPartners(index, 1, { focus: "pupils" }))).toBe("focus");
    expect(argumentOf(() => suggestPartners(index, 1, { focus: "maths" }))).toBe("focus");
    expect(argumentOf(() => suggestPartners(index, 1, { focus: "ks4Progress8" }))).toBe("focus");
  });

  it("when the phase mode is unknown, then rejects it naming phaseMode", () => {
    const options = { focus: "ofstedGrade", phaseMode: "NEARBY" as "ANY" };

    expect(argumentOf(() => suggestPartners(index, 1, options))).toBe("phaseMode");
  });
});

/** Partner facts for profiles: every figure of one year, need bands as given (else band 4). */
function factsOf(
  schools: readonly SchoolProfile[],
  needBands: Readonly<Record<number, number>> = {},
  years: Partial<Record<OutcomeFeature, string>> = {},
  /** Schools with recorded offers; every school when absent. */
  offering?: ReadonlySet<number>,
): PartnerFacts {
  return new PartnerFacts(
    schools.map((school) => ({
      urn: school.urn,
      needBand: needBands[school.urn] ?? 4,
      highAge: null,
      progress8Lower: null,
      progress8Upper: null,
      offersTopics: offering?.has(school.urn) ?? true,
      figures: Object.fromEntries(
        OUTCOME_FEATURES.flatMap((feature) => {
          const value = school[feature];
          return value === null
            ? []
            : [[feature, { value, year: years[feature] ?? "2024/25", source: "test" }]];
        }),
      ),
    })),
  );
}

describe("defaultFocus", () => {
  /** Maths progress spreads 1..5 (median 3); reading 1..5 too. School 1 is weak in maths only. */
  function primaries(): SchoolProfile[] {
    const maths = [1, 2, 3, 4, 5];
    const reading = [3, 1, 2, 4, 5];
    return maths.map((ks2MathsProgress, i) =>
      profile({
        urn: 1 + i,
        ks2MathsProgress,
        ks2ReadingProgress: reading[i] ?? null,
        ofstedGrade: 2,
      }),
    );
  }

  it("when the asker has outcomes of the newest year, then picks the one it stands lowest on against its context-similar schools", () => {
    const schools = primaries();
    const index = new FeatureIndex(schools);
    const facts = factsOf(schools);

    expect(defaultFocus(index, facts, 1)?.focus).toBe("ks2MathsProgress");
    expect(defaultFocus(index, facts, 2)?.focus).toBe("ks2ReadingProgress");
    expect(defaultFocus(index, facts, 1)).toMatchObject({ similarMedian: 3.5, similarCount: 4 });
  });

  it("when a figure is older than its key stage's newest year, then it is never the default focus", () => {
    const schools = primaries();
    const facts = factsOf(schools, {}, { ks2MathsProgress: "2018/19" });

    expect(defaultFocus(new FeatureIndex(schools), facts, 1)?.focus).toBe("ks2ReadingProgress");
  });

  it("when the asker has no outcome but an Ofsted grade, then the Ofsted grade; with neither, none", () => {
    const schools = [
      ...primaries(),
      profile({ urn: 9, ofstedGrade: 3 }),
      profile({ urn: 10 }),
      profile({ urn: 50, phase: "SPECIAL", ofstedGrade: 2 }),
    ];
    const index = new FeatureIndex(schools);
    const facts = factsOf(schools);

    expect(defaultFocus(index, facts, 9)?.focus).toBe("ofstedGrade");
    expect(defaultFocus(index, facts, 50)?.focus).toBe("ofstedGrade");
    expect(defaultFocus(index, facts, 10)).toBeNull();
    expect(defaultFocus(index, facts, 999)).toBeNull();
  });
});

describe("isEligiblePartner", () => {
  it("when a school is in need band 1 or 2, or below England's median, or has an older figure, then it is not a partner", () => {
    const schools = [1, 2, 3, 4, 5, 6].map((urn) => profile({ urn, ks2RwmExpected: 50 + urn * 5 }));
    const facts = factsOf(schools, { 5: 2, 6: 1 });

    // England median 67.5: schools 4..6 are above it; 5 and 6 are in bands 2 and 1.
    expect(schools.map((s) => isEligiblePartner(facts, s.urn, "ks2RwmExpected"))).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});

describe("MatchingService", () => {
  const ADMIN: Principal = { role: "ADMIN", sub: "admin-1" };

  function serviceOver(
    schools: SchoolProfile[],
    principal: Principal = ADMIN,
    topics: PartnerTopics = NO_TOPICS,
  ) {
    const index = new FeatureIndex(schools);
    const holder = { current: vi.fn(async () => ({ index, run: null, builtAt: 0 })) };
    const reader = {
      partnerTopics: vi.fn(async () => topics),
      partnerContacts: vi.fn(async () => new Map()),
    };
    // Weaker schools elsewhere in England put its median below every candidate here, so these
    // tests see the ranking alone; isEligiblePartner is tested on its own above.
    const elsewhere = [1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
      profile({ urn: 9000 + i, ks2MathsProgress: -9, ks2ReadingProgress: -9 }),
    );
    const facts = { current: vi.fn(async () => factsOf([...schools, ...elsewhere])) };
    const service = new MatchingService(
      holder as unknown as SimilarityIndex,
      facts as unknown as PartnerFactsStore,
      reader,
      principal,
    );
    return { service, holder, reader };
  }

  /** A seeks SEND and maths; C offers both, D maths only. */
  const fourTopics: PartnerTopics = {
    seeks: ["MATHEMATICS", "SEND"],
    offered: new Map([
      [3, ["MATHEMATICS", "SEND"]],
      [4, ["MATHEMATICS"]],
    ]),
  };

  it("when suggesting, then offers are read once, for the candidates within reach that could still make the list", async () => {
    const { service, reader } = serviceOver(fourSchools(), ADMIN, fourTopics);

    const suggestions = await service.suggestions(1, { focus: "ks2MathsProgress" });

    expect(reader.partnerTopics).toHaveBeenCalledTimes(1);
    const [askerUrn, candidateUrns] = reader.partnerTopics.mock.calls[0] as unknown as [
      number,
      number[],
    ];
    expect([askerUrn, [...candidateUrns].sort()]).toEqual([1, [3, 4]]);
    // D 0.6356 + 0.1·1/2, C 0.4266 + 0.1·2/2.
    expect(suggestions.map((s) => [s.urn, s.reasons.at(-1)?.matchedTopics])).toEqual([
      [4, ["MATHEMATICS"]],
      [3, ["MATHEMATICS", "SEND"]],
    ]);
    expect(suggestions[0]!.score).toBeCloseTo(0.6856, 4);
    expect(suggestions[1]!.score).toBeCloseTo(0.5266, 4);
  });

  it("when the caller is anonymous, then scores are the same but matched topics are withheld", async () => {
    const signedIn = await serviceOver(fourSchools(), ADMIN, fourTopics).service.suggestions(1, {
      focus: "ks2MathsProgress",
    });

    const anonymous = await serviceOver(fourSchools(), ANONYMOUS, fourTopics).service.suggestions(
      1,
      { focus: "ks2MathsProgress" },
    );

    expect(anonymous.map((s) => [s.urn, s.score])).toEqual(signedIn.map((s) => [s.urn, s.score]));
    expect(anonymous.flatMap((s) => s.reasons.flatMap((r) => r.matchedTopics))).toEqual([]);
    expect(anonymous[0]!.reasons.at(-1)?.value).toBe(0.5);
  });

  it("when no candidate that could still make the list has recorded offers, then offers are not read and the ranking is the same", async () => {
    const { service: reading } = serviceOver(fourSchools());
    const index = new FeatureIndex(fourSchools());
    const reader = { partnerTopics: vi.fn(async () => NO_TOPICS), partnerContacts: vi.fn() };
    const elsewhere = [1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
      profile({ urn: 9000 + i, ks2MathsProgress: -9, ks2ReadingProgress: -9 }),
    );
    const facts = factsOf([...fourSchools(), ...elsewhere], {}, {}, new Set());
    const service = new MatchingService(
      { current: async () => ({ index, run: null, builtAt: 0 }) } as unknown as SimilarityIndex,
      { current: async () => facts } as unknown as PartnerFactsStore,
      reader,
      ADMIN,
    );

    const suggestions = await service.suggestions(1, { focus: "ks2MathsProgress" });

    expect(reader.partnerTopics).not.toHaveBeenCalled();
    expect(suggestions.map((s) => [s.urn, s.score])).toEqual(
      (await reading.suggestions(1, { focus: "ks2MathsProgress" })).map((s) => [s.urn, s.score]),
    );
  });

  it("when no candidate is within reach, then seeks and offers are not read", async () => {
    const { service, reader } = serviceOver(fourSchools(), ADMIN, fourTopics);

    expect(await service.suggestions(1, { focus: "ks2MathsProgress", maxDistanceKm: 1 })).toEqual(
      [],
    );
    expect(reader.partnerTopics).not.toHaveBeenCalled();
  });

  it("when an input field is out of range, then BAD_USER_INPUT names it inside input, before the index is waited for", async () => {
    const { service, holder } = serviceOver(fourSchools());

    await expect(service.suggestions(1, { first: 101 })).rejects.toMatchObject({
      message: expect.stringContaining("`input.first`"),
      extensions: { code: "BAD_USER_INPUT", argument: "input.first" },
    });
    await expect(service.suggestions(1, { maxDistanceKm: -3 })).rejects.toMatchObject({
      extensions: { argument: "input.maxDistanceKm" },
    });
    expect(holder.current).not.toHaveBeenCalled();
  });

  it("when the focus is not measured for the asker's phase, then it is rejected naming input.focus", async () => {
    const { service } = serviceOver(fourSchools());

    await expect(service.suggestions(1, { focus: "ks4Progress8" })).rejects.toMatchObject({
      message: expect.stringContaining("KS4_PROGRESS8"),
      extensions: { argument: "input.focus" },
    });
  });

  it("when no focus is given, then the asker's weakest outcome is used and reported", async () => {
    const { service } = serviceOver(fourSchools());

    const suggestions = await service.suggestions(1, null);

    expect(suggestions.map((s) => s.urn)).toEqual([4, 3]);
    expect(suggestions.every((s) => s.focus === "ks2MathsProgress")).toBe(true);
  });

  it("when the URN is unknown, then there are no suggestions and no error", async () => {
    const { service } = serviceOver(fourSchools());

    expect(await service.suggestions(999, null)).toEqual([]);
  });
});
