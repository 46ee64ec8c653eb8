/**
 * partnerSuggestions against the full England data. The tests that record offers and seeks do so
 * on schools of the test's own: an authority modelled on Hartlepool (TestArea) holding a copy of
 * each of its primaries, which ask for partners and are suggested to each other among the real
 * schools nearby. The authority, its schools and everything written are removed afterwards.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import {
  MatchingSuggestionScoresDocument,
  MatchingSuggestionsDocument,
  MatchingUpdateOfferDocument,
  type MatchingSuggestionsQuery,
  type PartnerSearchInput,
  type SupportTopic,
} from "../__generated__/graphql.js";
import { PARTNER_FACTORS } from "../../src/modules/matching/matching.rules.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("matching");
const HARTLEPOOL = 805;
/** The test's own copies of Hartlepool's primaries, none with offers or seeks recorded. */
let ownUrns = new Set<number>();

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, HARTLEPOOL);
  const urns = await area.schools({
    phase: "PRIMARY",
    count: "all",
    where: "t.offers IS NULL AND t.seeks IS NULL AND t.offerUpdatedAt IS NULL",
  });
  ownUrns = new Set(urns);
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

const ALDGATE = 100000;
/** A secondary in the Harris Federation (gias-3320), with a dozen stronger trust schools nearby. */
const HARRIS_PURLEY = 135955;

type Suggestion = MatchingSuggestionsQuery["partnerSuggestions"][number];

/** The asking school (it must exist) and the partners suggested to it. */
async function suggestions(urn: number, input?: PartnerSearchInput, token?: string) {
  const { school, partnerSuggestions } = dataOf(
    await api().execute(MatchingSuggestionsDocument, { urn, input }, { token }),
  );
  if (!school) throw new Error(`No school ${urn}.`);
  return { school, partnerSuggestions };
}

async function errorOf(input: PartnerSearchInput) {
  return (await api().execute(MatchingSuggestionsDocument, { urn: ALDGATE, input })).errors?.[0];
}

/**
 * One of the test's copies of a Hartlepool primary with a KS2 figure to beat and no offers or
 * seeks recorded: the lowest by KS2 RWM figure once the `skip` lowest are passed over.
 */
async function hartlepoolAsker(skip: number): Promise<number> {
  const [picked] = await query<{ urn: number }>(
    api().db,
    `MATCH (s:School) WHERE s.urn IN $urns
       AND s.location IS NOT NULL AND s.ks2RwmExpectedYear = "2024/25"
       AND s.offers IS NULL AND s.seeks IS NULL
     RETURN s.urn AS urn ORDER BY s.ks2RwmExpected, s.urn SKIP $skip LIMIT 1`,
    { urns: [...ownUrns].map((urn) => neo4j.int(urn)), skip: neo4j.int(skip) },
  );
  if (!picked) throw new Error(`No copied Hartlepool primary with a KS2 figure past ${skip}.`);
  return Number(picked.urn);
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
      focus: "KS2_RWM_EXPECTED",
      maxDistanceKm: 10,
      first: 50,
    });

    expect(partnerSuggestions.length).toBeGreaterThan(0);
    const scores = partnerSuggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const suggestion of partnerSuggestions) {
      expect(suggestion.distanceKm).toBeLessThanOrEqual(10);
      expect(suggestion.score).toBeLessThanOrEqual(1);
      // One reason per factor, in the rule file's order.
      expect(suggestion.reasons.map((r) => r.factor)).toEqual([...PARTNER_FACTORS]);
      const total = suggestion.reasons.reduce((sum, r) => sum + r.contribution, 0);
      expect(total).toBeCloseTo(suggestion.score, 12);
      expect(suggestion.focus).toBe("KS2_RWM_EXPECTED");
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
    const result = await api().execute(MatchingSuggestionScoresDocument, {
      urn: 999999999,
      input: { focus: "OFSTED_GRADE" },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ partnerSuggestions: [] });
  });
});

/** Each focus's figure, its year property, and whether higher is better. */
const FOCUS_FIGURES: Record<string, { figure: string; year: string | null; higher: boolean }> = {
  KS2_RWM_EXPECTED: { figure: "ks2RwmExpected", year: "ks2RwmExpectedYear", higher: true },
  KS4_PROGRESS8: { figure: "ks4Progress8", year: "ks4Year", higher: true },
  KS4_ATTAINMENT8: { figure: "ks4Attainment8", year: "ks4Year", higher: true },
  OFSTED_GRADE: { figure: "ofstedGrade", year: null, higher: false },
};

describe("partnerSuggestions for schools in need", () => {
  it("when ten band-1 schools ask with no focus, then no partner is in band 1 or 2 or below England's median on the focus of its newest year", async () => {
    const askers = await query<{ urn: number }>(
      api().db,
      `MATCH (s:School {needBand: 1})
       WHERE s.location IS NOT NULL AND s.phase IN ["PRIMARY", "SECONDARY"]
       RETURN s.urn AS urn ORDER BY s.phase, s.urn LIMIT 10`,
    );
    expect(askers).toHaveLength(10);
    let suggested = 0;
    for (const { urn } of askers) {
      const { partnerSuggestions } = await suggestions(Number(urn));
      if (partnerSuggestions.length === 0) continue;
      const focus = partnerSuggestions[0]!.focus;
      const rule = FOCUS_FIGURES[focus];
      expect(rule, `a focus of the newest data, not ${focus}`).toBeDefined();
      const [england] = await query<{ year: string | null; median: number }>(
        api().db,
        rule!.year === null
          ? "RETURN null AS year, 2 AS median"
          : `MATCH (s:School) WHERE s[$figure] IS NOT NULL
             WITH max(s[$year]) AS year
             MATCH (s:School) WHERE s[$year] = year AND s[$figure] IS NOT NULL
             RETURN year, percentileCont(s[$figure], 0.5) AS median`,
        { figure: rule!.figure, year: rule!.year },
      );
      const partners = await query<{ band: number | null; value: number; year: string | null }>(
        api().db,
        `UNWIND $urns AS urn MATCH (s:School {urn: urn})
         RETURN s.needBand AS band, s[$figure] AS value, CASE WHEN $year IS NULL THEN null ELSE s[$year] END AS year`,
        { urns: partnerSuggestions.map((p) => p.urn), figure: rule!.figure, year: rule!.year },
      );
      for (const partner of partners) {
        suggested += 1;
        expect([1, 2]).not.toContain(partner.band);
        expect(partner.year).toBe(england?.year ?? null);
        if (rule!.higher) expect(partner.value).toBeGreaterThanOrEqual(Number(england?.median));
        else expect(partner.value).toBeLessThanOrEqual(Number(england?.median));
      }
    }
    expect(suggested).toBeGreaterThan(0);
  });

  it("when a school teaches no KS2 cohort, then a KS2 focus is refused and its default focus is not KS2", async () => {
    const [first] = await query<{ urn: number }>(
      api().db,
      `MATCH (s:School {phase: "PRIMARY"}) WHERE s.statutoryHighAge < 11 AND s.location IS NOT NULL
       RETURN s.urn AS urn ORDER BY s.urn LIMIT 1`,
    );
    const urn = Number(first?.urn);

    const refused = await api().execute(MatchingSuggestionsDocument, {
      urn,
      input: { focus: "KS2_RWM_EXPECTED" },
    });
    const { partnerSuggestions } = await suggestions(urn, { maxDistanceKm: 100 });

    expect(refused.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      argument: "input.focus",
    });
    expect(partnerSuggestions.every((s) => s.focus === "OFSTED_GRADE")).toBe(true);
  });

  it("when a partner offers a topic of the focus and the asker seeks nothing, then the offers factor counts it", async () => {
    const asker = await hartlepoolAsker(1);
    const admin = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
    const search: PartnerSearchInput = { focus: "KS2_RWM_EXPECTED", maxDistanceKm: 15, first: 100 };
    const before = (await suggestions(asker, search, admin)).partnerSuggestions;
    // The weakest-ranked of the test's own schools suggested.
    const candidate = [...before].reverse().find((s) => ownUrns.has(s.urn))?.urn;
    expect(candidate, "one of the test's schools among the suggestions").toBeDefined();
    await api().execute(
      MatchingUpdateOfferDocument,
      { urn: candidate!, offers: ["MATHEMATICS"], seeks: [] },
      { token: admin },
    );

    const after = (await suggestions(asker, search, admin)).partnerSuggestions;

    const offers = after.find((s) => s.urn === candidate)?.reasons.at(-1);
    expect(offers).toMatchObject({ value: 0.5, matchedTopics: ["MATHEMATICS"] });
  });
});

describe("partnerSuggestions with offers and seeks", () => {
  const SEARCH: PartnerSearchInput = { focus: "KS2_RWM_EXPECTED", maxDistanceKm: 15, first: 100 };
  const offersReason = (suggestion: Suggestion | undefined) =>
    suggestion?.reasons.find((r) => r.factor === "OFFERS_WHAT_IS_SOUGHT");

  it("when the asker seeks three topics and a nearby candidate offers two, then its score rises by exactly 0.1 × 2/3 and its reason names them", async () => {
    const asker = await hartlepoolAsker(0);
    const admin = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
    const before = (await suggestions(asker, SEARCH, admin)).partnerSuggestions;
    // The weakest-ranked of the test's own schools that records no offers: it can only rise, so
    // stays listed.
    const target = [...before]
      .reverse()
      .find((s) => ownUrns.has(s.urn) && offersReason(s)?.value === 0);
    expect(target).toBeDefined();
    const candidate = target!.urn;

    const update = async (urn: number, offers: SupportTopic[], seeks: SupportTopic[]) =>
      dataOf(
        await api().execute(MatchingUpdateOfferDocument, { urn, offers, seeks }, { token: admin }),
      );
    await update(asker, [], ["SEND", "MATHEMATICS", "READING_AND_PHONICS"]);
    await update(candidate, ["SEND", "GOVERNANCE", "READING_AND_PHONICS"], []);
    const after = (await suggestions(asker, SEARCH, admin)).partnerSuggestions;

    const [stored] = await query<{ seeks: string[]; offers: string[] }>(
      api().db,
      `MATCH (a:School {urn: $asker}), (c:School {urn: $candidate})
       RETURN a.seeks AS seeks, c.offers AS offers`,
      { asker, candidate },
    );
    expect(stored).toEqual({
      seeks: ["READING_AND_PHONICS", "MATHEMATICS", "SEND"],
      offers: ["GOVERNANCE", "READING_AND_PHONICS", "SEND"],
    });
    const risen = after.find((s) => s.urn === candidate);
    expect(risen!.score - target!.score).toBeCloseTo(0.1 * (2 / 3), 12);
    expect(offersReason(risen)).toEqual({
      factor: "OFFERS_WHAT_IS_SOUGHT",
      value: 2 / 3,
      weight: 0.1,
      contribution: 0.1 * (2 / 3),
      matchedTopics: ["READING_AND_PHONICS", "SEND"],
    });
    expect(after.findIndex((s) => s.urn === candidate)).toBeLessThan(
      before.findIndex((s) => s.urn === candidate),
    );
    // Candidates offering none of it keep their scores.
    for (const suggestion of after.filter((s) => offersReason(s)?.value === 0)) {
      const earlier = before.find((s) => s.urn === suggestion.urn);
      if (earlier) expect(suggestion.score).toBe(earlier.score);
    }

    // Anonymous callers get the same ranking and scores, but not the topics.
    const anonymous = (await suggestions(asker, SEARCH)).partnerSuggestions;
    expect(anonymous.map((s) => [s.urn, s.score])).toEqual(after.map((s) => [s.urn, s.score]));
    expect(offersReason(anonymous.find((s) => s.urn === candidate))).toMatchObject({
      value: 2 / 3,
      matchedTopics: [],
    });
    expect(anonymous.flatMap((s) => s.reasons.flatMap((r) => r.matchedTopics))).toEqual([]);
  });
});

describe("partnerSuggestions with bad input", () => {
  it.each<[string, PartnerSearchInput, string]>([
    ["maxDistanceKm is 0", { maxDistanceKm: 0 }, "input.maxDistanceKm"],
    ["maxDistanceKm is negative", { maxDistanceKm: -5 }, "input.maxDistanceKm"],
    ["first is over 100", { first: 101 }, "input.first"],
    ["first is 0", { first: 0 }, "input.first"],
    ["the focus is not measured for the phase", { focus: "KS4_ATTAINMENT8" }, "input.focus"],
    [
      "the focus is a KS2 progress score, last published for 2018/19",
      { focus: "KS2_MATHS_PROGRESS" },
      "input.focus",
    ],
  ])("when %s, then BAD_USER_INPUT names %s", async (_case, input, argument) => {
    const error = await errorOf(input);

    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", argument });
    expect(error?.message).toContain(`\`${argument}\``);
  });

  it("when the phase mode is unknown, then the request is refused as BAD_USER_INPUT", async () => {
    // No such phase mode: sent as text, as the schema's types would not let it be written.
    const refused = await api().executeText(print(MatchingSuggestionsDocument), {
      urn: ALDGATE,
      input: { phaseMode: "NEARBY" },
    });

    expect(refused.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });
});
