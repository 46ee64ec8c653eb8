/**
 * similarSchools and family against the full England data. Families must exist: the test global
 * setup runs `tsx scripts/families.ts --if-missing`.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import {
  FamilyOfSchoolDocument,
  FamilyRunsListDocument,
  FamilyUnknownSchoolAndVersionDocument,
  SimilarSchoolDistancesDocument,
  SimilarSchoolsWithPhaseDocument,
  SimilarityPartnerScoresDocument,
  SimilaritySchoolRegionDocument,
  type FamilyOfSchoolQueryVariables,
  type OutcomeFeature,
  type SimilarSchoolsWithPhaseQueryVariables,
} from "../__generated__/graphql.js";
import { dataOf, startApi, useApi, type TestApi } from "../helpers/api.js";

const api = useApi();

const ALDGATE = 100000;
/** A secondary academy in Southwark. */
const HARRIS_BERMONDSEY = 131747;

/** The school asked about (it must exist) and the schools most like it. */
async function similar(variables: SimilarSchoolsWithPhaseQueryVariables) {
  const { school, similarSchools } = dataOf(
    await api().execute(SimilarSchoolsWithPhaseDocument, variables),
  );
  if (!school) throw new Error(`No school ${variables.urn}.`);
  return { school, similarSchools };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

beforeAll(async () => {
  const { familyRuns } = dataOf(await api().execute(FamilyRunsListDocument));
  if (!familyRuns.some((run) => run.current)) {
    throw new Error(
      "No current families run: run `npm run families` (the test global setup runs `tsx scripts/families.ts --if-missing`).",
    );
  }
});

describe("similarSchools", () => {
  it.each([
    ["a primary", ALDGATE],
    ["a secondary", HARRIS_BERMONDSEY],
  ])("when asked for %s, then every similar school shares its phase", async (_kind, urn) => {
    const { school, similarSchools } = await similar({ urn, first: 50 });

    expect(similarSchools).toHaveLength(50);
    expect(similarSchools.every((s) => s.school.phase === school.phase)).toBe(true);
    expect(similarSchools.map((s) => s.school.urn)).not.toContain(urn);
    // The index's URN and name are the school's own.
    expect(similarSchools.map((s) => [s.urn, s.name])).toEqual(
      similarSchools.map((s) => [s.school.urn, s.school.name]),
    );
  });

  it("when results come back, then they are nearest first and each one's contributions add up to its distance", async () => {
    const { similarSchools } = await similar({ urn: ALDGATE, preset: "FAMILIES", first: 30 });

    const distances = similarSchools.map((s) => s.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const result of similarSchools) {
      expect(sum(result.contributions.map((c) => c.contribution))).toBeCloseTo(result.distance, 9);
      expect(sum(result.contributions.map((c) => c.share))).toBeCloseTo(1, 9);
    }
  });

  it("when no weights are given, then the CONTEXT preset explains the distance by pupils, FSM and SEN", async () => {
    const { similarSchools } = await similar({ urn: ALDGATE, first: 5 });

    expect(similarSchools[0]?.contributions).toEqual([
      expect.objectContaining({ feature: "PUPILS", weight: 0.5 }),
      expect.objectContaining({ feature: "FSM_PERCENT", weight: 0.4 }),
      expect.objectContaining({ feature: "SEN_PERCENT", weight: 0.1 }),
    ]);
    // The Aldgate School: 249 pupils in Ofsted's August 2025 file (271 at the 2023 census).
    expect(similarSchools[0]?.contributions[0]?.referenceValue).toBe(249);
  });

  it("when custom weights are given, then only those features explain the distance", async () => {
    const { similarSchools } = await similar({
      urn: ALDGATE,
      first: 10,
      weights: [
        { feature: "KS2_MATHS_PROGRESS", weight: 2 },
        { feature: "RURALITY", weight: 1 },
      ],
    });

    expect(similarSchools).toHaveLength(10);
    for (const result of similarSchools) {
      expect(result.contributions.map((c) => [c.feature, c.weight])).toEqual([
        ["RURALITY", 1],
        ["KS2_MATHS_PROGRESS", 2],
      ]);
    }
  });

  it("when sameRegion is set, then every similar school is in the school's region", async () => {
    const { school, similarSchools } = await similar({ urn: ALDGATE, first: 40, sameRegion: true });

    expect(similarSchools.length).toBeGreaterThan(0);
    expect(similarSchools.every((s) => s.school.region?.code === school.region?.code)).toBe(true);
  });

  it("when the URN is unknown, then the list is empty and there is no error", async () => {
    const result = await api().execute(SimilarSchoolDistancesDocument, { urn: 999999999 });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ similarSchools: [] });
  });
});

describe("similarSchools with bad input", () => {
  async function errorOf(variables: Omit<SimilarSchoolsWithPhaseQueryVariables, "urn">) {
    const result = await api().execute(SimilarSchoolsWithPhaseDocument, {
      urn: ALDGATE,
      ...variables,
    });
    return result.errors?.[0];
  }

  it("when first is over 100, then BAD_USER_INPUT names first", async () => {
    expect((await errorOf({ first: 101 }))?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      argument: "first",
    });
  });

  it("when a weight is negative, then BAD_USER_INPUT names weights and the feature", async () => {
    const error = await errorOf({ weights: [{ feature: "PUPILS", weight: -1 }] });

    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "weights" });
    expect(error?.message).toContain("weights.PUPILS");
  });

  it("when a feature name is unknown, then the request is refused as BAD_USER_INPUT naming the field", async () => {
    // No such feature: sent as text, as the schema's types would not let it be written.
    const result = await api().executeText(print(SimilarSchoolsWithPhaseDocument), {
      urn: ALDGATE,
      weights: [{ feature: "TEACHERS", weight: 1 }],
    });
    const error = result.errors?.[0];

    expect(error?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(error?.message).toMatch(/weights\[0\]\.feature.*TEACHERS/);
  });

  it("when the weights only cover features the phase does not measure, then BAD_USER_INPUT names weights", async () => {
    const error = await errorOf({ weights: [{ feature: "KS4_PROGRESS8", weight: 1 }] });

    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "weights" });
    expect(error?.message).toContain("PRIMARY");
  });

  it("when both a preset and weights are given, then BAD_USER_INPUT names weights", async () => {
    const error = await errorOf({ preset: "CONTEXT", weights: [{ feature: "PUPILS", weight: 1 }] });

    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "weights" });
  });
});

async function family(
  variables: Omit<FamilyOfSchoolQueryVariables, "outcome"> & { outcome?: OutcomeFeature },
) {
  const data = dataOf(
    await api().execute(FamilyOfSchoolDocument, { outcome: "KS2_MATHS_PROGRESS", ...variables }),
  );
  return data.family;
}

describe("family", () => {
  it("when asked for a school's family, then it is of the school's phase, with its run's parameters and quality", async () => {
    const found = await family({ urn: ALDGATE, first: 100 });

    expect(found).not.toBeNull();
    expect(found!.id).toBe(`${found!.version}:PRIMARY:${found!.number}`);
    expect(found!.school).toMatchObject({ urn: ALDGATE, phase: "PRIMARY" });
    expect(found!.run).toMatchObject({
      version: found!.version,
      parameters: { preset: "FAMILIES", seed: expect.any(Number), targetSize: expect.any(Number) },
    });
    expect(found!.run.quality.silhouette).toBeGreaterThan(-1);
    expect(found!.medians.map((m) => m.feature)).toContain("KS2_MATHS_PROGRESS");
    expect(found!.members.totalCount).toBe(found!.size);
    expect(found!.members.edges.map((e) => e.node.school.urn)).toContain(ALDGATE);
    expect(found!.members.edges.every((e) => e.node.school.phase === "PRIMARY")).toBe(true);
  });

  it("when members are read a page at a time, then the pages cover the family once, in name order", async () => {
    const first = await family({ urn: ALDGATE, first: 10 });
    const urns = first!.members.edges.map((e) => e.node.school.urn);
    let page = first!.members;
    while (page.pageInfo.hasNextPage) {
      const next = await family({
        urn: ALDGATE,
        version: first!.version,
        first: 10,
        after: page.pageInfo.endCursor,
      });
      page = next!.members;
      urns.push(...page.edges.map((e) => e.node.school.urn));
    }

    expect(urns).toHaveLength(first!.size);
    expect(new Set(urns).size).toBe(first!.size);
  });

  it("when asked who does better on an outcome, then each beats the school's own figure, most better first", async () => {
    const found = await family({ urn: ALDGATE, first: 100, outcome: "KS2_MATHS_PROGRESS" });
    const own = found!.school.ks2?.mathsProgress;

    expect(own).toEqual(expect.any(Number));
    const better = found!.doingBetter;
    expect(better.length).toBeGreaterThan(0);
    for (const school of better) {
      expect(school.value).toBeGreaterThan(own!);
      expect(school.difference).toBeCloseTo(school.value - own!, 9);
    }
    const differences = better.map((school) => school.difference);
    expect(differences).toEqual([...differences].sort((a, b) => b - a));
    // Only the 50 schools most alike in intake are compared, each with where it stands among them.
    const { similarSchools: alike } = await similar({
      urn: ALDGATE,
      preset: "FAMILIES",
      first: 50,
    });
    for (const school of better) {
      expect(alike[school.alikeRank - 1]?.urn).toBe(school.school.urn);
      expect(school.distance).toBeCloseTo(alike[school.alikeRank - 1]!.distance, 9);
      expect(school.distanceKm).toBeGreaterThanOrEqual(0);
    }
    // Those in the school's family are flagged.
    const { records } = await api().db.driver.executeQuery(
      "MATCH (:School {urn: $urn})-[m:IN_FAMILY]->(f:Family)<-[:IN_FAMILY]-(member:School) WHERE m.version = $version RETURN member.urn AS urn",
      { urn: neo4j.int(ALDGATE), version: neo4j.int(found!.version) },
    );
    const members = new Set(records.map((record) => Number(record.get("urn"))));
    for (const school of better) {
      expect(school.inFamily).toBe(members.has(school.school.urn));
    }
  });

  it("when asked to stay in the region, then it keeps those of the most alike schools in the school's region, in the same order", async () => {
    const outcome = "KS2_RWM_EXPECTED";
    const national = await family({ urn: ALDGATE, first: 1, outcome });
    const regional = await family({ urn: ALDGATE, first: 1, outcome, sameRegion: true });
    const own = dataOf(await api().execute(SimilaritySchoolRegionDocument, { urn: ALDGATE }));

    expect(regional!.doingBetter.length).toBeGreaterThan(0);
    expect(regional!.doingBetter).toEqual(
      national!.doingBetter.filter((s) => s.school.region?.code === own.school!.region!.code),
    );
  });

  it("when the outcome is the Ofsted grade, then doing better means a lower grade", async () => {
    const found = await family({ urn: ALDGATE, first: 1, outcome: "OFSTED_GRADE" });
    const own = found!.members.edges[0]!.node.outcomes.find(
      (o) => o.outcome === "OFSTED_GRADE",
    )?.referenceValue;

    for (const school of found!.doingBetter) {
      expect(school.value).toBeLessThan(own!);
      expect(school.difference).toBeGreaterThan(0);
    }
  });

  it("when the outcome is not measured for the phase, then BAD_USER_INPUT names outcome", async () => {
    const result = await api().execute(FamilyOfSchoolDocument, {
      urn: ALDGATE,
      outcome: "KS4_PROGRESS8",
    });

    expect(result.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      argument: "outcome",
    });
  });

  it("when the URN or the version is unknown, then the family is null and there is no error", async () => {
    const result = await api().execute(FamilyUnknownSchoolAndVersionDocument, {
      unknownUrn: 999999999,
      urn: ALDGATE,
      unknownVersion: 999999,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ unknownSchool: null, unknownVersion: null });
  });
});

describe("familyRuns", () => {
  it("when listed, then newest first with exactly one current run", async () => {
    const { familyRuns } = dataOf(await api().execute(FamilyRunsListDocument));

    const versions = familyRuns.map((run) => run.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(familyRuns.filter((run) => run.current)).toHaveLength(1);
    expect(Number.isNaN(Date.parse(familyRuns[0]!.createdAt as string))).toBe(false);
  });
});

describe("when the database cannot be reached", () => {
  let down: TestApi;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused at once.
    down = await startApi({
      connection: { uri: "bolt://127.0.0.1:1", user: "neo4j", password: "x", local: false },
      applySchema: false,
      timeouts: { queryTimeoutMs: 2_000, retryMs: 0, connectTimeoutMs: 1_000 },
    });
  });

  afterAll(async () => {
    await down?.close();
  });

  it("then the app still starts and similarity and matching answer SERVICE_UNAVAILABLE", async () => {
    const similar = await down.execute(SimilarSchoolDistancesDocument, { urn: ALDGATE });
    const partners = await down.execute(SimilarityPartnerScoresDocument, { urn: ALDGATE });

    expect(similar.errors?.[0]?.extensions?.["code"]).toBe("SERVICE_UNAVAILABLE");
    expect(partners.errors?.[0]?.extensions?.["code"]).toBe("SERVICE_UNAVAILABLE");
  });
});
