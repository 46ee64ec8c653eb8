/**
 * The evaluation against the real database: a Cornish multi-academy trust's members against
 * similar schools outside it (recomputed here with Cypher for one year), the same trust against
 * its members' nearest schools on context (recomputed from similarSchools for every KS2 year), a
 * one-school trust that is too small to say anything, partnership types across the South West and
 * England on both bases, and typed errors. Reads only; nothing is written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  EvaluationContextNeighboursDocument,
  EvaluationImpactByTypeDocument,
  EvaluationPartnershipImpactDocument,
  type ComparisonBasis,
  type EvaluationImpactByTypeQuery,
  type EvaluationMeasureFragment,
  type EvaluationPartnershipImpactQuery,
  type FeatureWeightInput,
} from "../__generated__/graphql.js";
import { askTwice, dataOf, useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";

const api = useApi();

/** Aspire Academy Trust: 29 Cornish primary schools, converters among them. */
const TRUST = "gias-2192";
const SOUTH_WEST = "E12000009";
const KS2_YEARS = ["2015/16", "2016/17", "2017/18", "2018/19", "2022/23", "2023/24", "2024/25"];

/** The weights CONTEXT_NEIGHBOURS matches on, as similarSchools takes them. */
const CONTEXT_WEIGHTS: FeatureWeightInput[] = [
  { feature: "FSM_PERCENT", weight: 1 },
  { feature: "EAL_PERCENT", weight: 1 },
  { feature: "SEN_PERCENT", weight: 1 },
  { feature: "IDACI_SCORE", weight: 1 },
  { feature: "PUPILS", weight: 0.5 },
];

type MeasureImpact = EvaluationMeasureFragment;
interface GroupImpact {
  measures: MeasureImpact[];
}
type PartnershipImpact = EvaluationPartnershipImpactQuery["partnershipImpact"];
type TypeImpact = EvaluationImpactByTypeQuery["impactByPartnershipType"][number];

async function partnershipImpact(
  id: string,
  comparison: ComparisonBasis = "FAMILY",
): Promise<PartnershipImpact> {
  const data = dataOf(await api().execute(EvaluationPartnershipImpactDocument, { id, comparison }));
  return data.partnershipImpact;
}

async function byType(
  regionCode?: string,
  comparison: ComparisonBasis = "FAMILY",
): Promise<TypeImpact[]> {
  const data = dataOf(
    await api().execute(
      EvaluationImpactByTypeDocument,
      regionCode ? { regionCode, comparison } : { comparison },
    ),
  );
  return data.impactByPartnershipType;
}

async function one<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const [row] = await query<T>(api().db, cypher, params);
  if (row === undefined) throw new Error("the query found nothing");
  return row;
}

function measure(impact: GroupImpact, name: string): MeasureImpact {
  const found = impact.measures.find((m) => m.measure === name);
  if (!found) throw new Error(`no ${name} in the answer`);
  return found;
}

/** Value of a school's KS2 series in a year, in Cypher. */
const VALUE_IN = (school: string) =>
  `[i IN range(0, size(coalesce(${school}.ks2RwmSeriesYears, [])) - 1) WHERE ${school}.ks2RwmSeriesYears[i] = $year | ${school}.ks2RwmSeriesValues[i]][0]`;

describe("partnershipImpact", () => {
  let impact: PartnershipImpact;

  beforeAll(async () => {
    impact = await partnershipImpact(TRUST);
  });

  it("when asked about a Cornish multi-academy trust, then KS2 is compared for every year the data holds", async () => {
    const { members } = await one<{ members: number }>(
      "MATCH (:Partnership {id: $id})<-[:MEMBER_OF]-(s:School) RETURN count(s) AS members",
      { id: TRUST },
    );
    expect(impact.partnership).toMatchObject({ id: TRUST, type: "MULTI_ACADEMY_TRUST" });
    expect(impact.members).toBe(members);
    const ks2 = measure(impact, "KS2_RWM_EXPECTED");
    expect(ks2.unit).toBe("percentage points");
    expect(ks2.years.map((y) => y.year)).toEqual(KS2_YEARS);
    expect(ks2.verdict).toBe("ANSWERED");
    expect(ks2.explanation).toMatch(/member schools averaged/);
    expect(impact.caveats.join(" ")).toMatch(/2022\/23 characteristics/);
    expect(impact.caveats.join(" ")).toMatch(/no KS2 tests in 2019\/20, 2020\/21 and 2021\/22/);
    expect(impact.caveats.join(" ")).toMatch(/association, not proof of cause/);
  });

  it("when 2018/19 is recomputed with Cypher, then n, the means and the gap's spread agree", async () => {
    const year = "2018/19";
    const rows = await query<{ value: number; comparisonMean: number; comparisonUrns: number[] }>(
      api().db,
      `MATCH (run:FamilyRun {current: true})
       MATCH (p:Partnership {id: $id})<-[:MEMBER_OF]-(m:School)-[:IN_FAMILY {version: run.version}]->(f:Family)
       WITH p, m, f, run, ${VALUE_IN("m")} AS value
       WHERE value IS NOT NULL
       MATCH (f)<-[:IN_FAMILY {version: run.version}]-(c:School)
       WHERE NOT (c)-[:MEMBER_OF]->(p)
       WITH m, value, c, ${VALUE_IN("c")} AS comparisonValue
       WHERE comparisonValue IS NOT NULL
       RETURN m.urn AS urn, value, avg(comparisonValue) AS comparisonMean, collect(c.urn) AS comparisonUrns`,
      { id: TRUST, year },
    );
    const answer = measure(impact, "KS2_RWM_EXPECTED").years.find((y) => y.year === year)!;
    const gaps = rows.map((row) => row.value - row.comparisonMean);
    const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const gapMean = meanOf(gaps);
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - gapMean) ** 2, 0) / (gaps.length - 1));

    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(answer.n).toBe(rows.length);
    expect(answer.comparisonSchools).toBe(new Set(rows.flatMap((r) => r.comparisonUrns)).size);
    expect(answer.memberMean).toBeCloseTo(meanOf(rows.map((r) => r.value)), 9);
    expect(answer.comparisonMean).toBeCloseTo(meanOf(rows.map((r) => r.comparisonMean)), 9);
    expect(answer.mean).toBeCloseTo(gapMean, 9);
    expect(answer.standardDeviation).toBeCloseTo(sd, 9);
    expect(answer.standardError).toBeCloseTo(sd / Math.sqrt(rows.length), 9);
    expect(answer.confidenceLow).toBeLessThan(gapMean);
    expect(answer.confidenceHigh).toBeGreaterThan(gapMean);
    expect(answer.effectSize).toBeCloseTo(gapMean / answer.nationalStandardDeviation!, 9);
  });

  it("when members converted on joining, then their years before joining come from the predecessor URN", async () => {
    const { converters } = await one<{ converters: number }>(
      `MATCH (:Partnership {id: $id})<-[m:MEMBER_OF]-(s:School)
       WHERE any(urn IN s.ks2RwmSeriesUrns WHERE urn <> s.urn)
       RETURN count(s) AS converters`,
      { id: TRUST },
    );
    const { beforeAfter } = measure(impact, "KS2_RWM_EXPECTED");
    expect(converters).toBeGreaterThan(0);
    expect(beforeAfter.membersWithYearsBefore).toBeGreaterThan(0);
    expect(beforeAfter.membersWithYearsAfter).toBeGreaterThan(0);
    expect(beforeAfter.membersWithJoinDate).toBeGreaterThanOrEqual(beforeAfter.n);
  });

  it("when the measure is Progress 8, then both published KS4 years (2018/19, 2023/24) are compared", () => {
    const ks4 = measure(impact, "KS4_PROGRESS_8");
    expect(ks4.years.map((y) => y.year)).toEqual(["2018/19", "2023/24"]);
    expect(ks4.beforeAfter.verdict).not.toBe("ONE_YEAR_ONLY");
    expect(ks4.beforeAfter.explanation.length).toBeGreaterThan(0);
  });

  it("when the partnership is a one-school trust, then TOO_FEW_SCHOOLS with n still reported", async () => {
    const trust = await one<{ id: string }>(
      `MATCH (run:FamilyRun {current: true})
       MATCH (p:Partnership {type: "SINGLE_ACADEMY_TRUST"})<-[:MEMBER_OF]-(s:School {laCode: 908})
       WHERE s.ks2RwmSeriesYears IS NOT NULL AND COUNT { (p)<-[:MEMBER_OF]-() } = 1
         AND EXISTS { (s)-[:IN_FAMILY {version: run.version}]->() }
       RETURN p.id AS id ORDER BY p.id LIMIT 1`,
    );
    const small = await partnershipImpact(trust.id);
    const ks2 = measure(small, "KS2_RWM_EXPECTED");
    expect(small.members).toBe(1);
    expect(ks2.verdict).toBe("TOO_FEW_SCHOOLS");
    expect(Math.max(...ks2.years.map((y) => y.n))).toBe(1);
    expect(ks2.years.find((y) => y.n === 1)).toMatchObject({
      verdict: "TOO_FEW_SCHOOLS",
      standardDeviation: null,
      confidenceLow: null,
    });
    expect(ks2.explanation).toMatch(/fewer than 5/);
    expect(["TOO_FEW_SCHOOLS", "NO_YEARS_BEFORE_JOINING", "NO_YEARS_AFTER_JOINING"]).toContain(
      ks2.beforeAfter.verdict,
    );
  });

  it("when the id names no partnership, then NOT_FOUND on the argument", async () => {
    const result = await api().execute(EvaluationPartnershipImpactDocument, {
      id: "gias-does-not-exist",
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "partnershipId",
    });
  });
});

describe("partnershipImpact with comparison CONTEXT_NEIGHBOURS", () => {
  it("when the Cornish trust is compared with its members' nearest schools on context, then every KS2 year agrees with similarSchools", async () => {
    const impact = await partnershipImpact(TRUST, "CONTEXT_NEIGHBOURS");
    expect(impact).toMatchObject({ comparison: "CONTEXT_NEIGHBOURS", neighboursPerMember: 20 });
    const caveats = impact.caveats.join(" ");
    expect(caveats).toMatch(/This basis exists because families are formed partly on outcomes/);
    expect(caveats).not.toMatch(/current families were formed partly on/);

    // Independently: each current member's similarSchools on the same weights, less every
    // school that is or was in the trust, first 20; then each year's figures from the graph.
    const { members, group } = await one<{ members: number[]; group: number[] }>(
      `MATCH (p:Partnership {id: $id})<-[m:MEMBER_OF]-(s:School)
       RETURN collect(CASE WHEN m.leavingOn IS NULL OR m.leavingOn > date() THEN s.urn END) AS members,
         collect(s.urn) AS group`,
      { id: TRUST },
    );
    const similar = new Map(
      await Promise.all(
        members.map(async (urn) => {
          const result = await api().execute(EvaluationContextNeighboursDocument, {
            urn,
            weights: CONTEXT_WEIGHTS,
          });
          return [urn, dataOf(result).similarSchools] as const;
        }),
      ),
    );
    const excluded = new Set(group);
    const neighbours = new Map(
      members.map((urn) => [
        urn,
        similar
          .get(urn)!
          .map((school) => school.urn)
          .filter((other) => !excluded.has(other))
          .slice(0, 20),
      ]),
    );
    expect([...neighbours.values()].every((urns) => urns.length === 20)).toBe(true);
    const urns = [...new Set([...members, ...[...neighbours.values()].flat()])];
    const rows = await query<{ urn: number; years: string[] | null; values: number[] | null }>(
      api().db,
      `MATCH (s:School) WHERE s.urn IN $urns
       RETURN s.urn AS urn, s.ks2RwmSeriesYears AS years, s.ks2RwmSeriesValues AS values`,
      { urns },
    );
    const figures = new Map(
      rows.map((row) => [
        row.urn,
        new Map((row.years ?? []).map((year, i) => [year, row.values![i]!] as const)),
      ]),
    );
    const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

    const ks2 = measure(impact, "KS2_RWM_EXPECTED");
    expect(ks2.years.map((y) => y.year)).toEqual(KS2_YEARS);
    expect(ks2.verdict).toBe("ANSWERED");
    for (const answer of ks2.years) {
      const memberValues: number[] = [];
      const comparisonMeans: number[] = [];
      const compared = new Set<number>();
      for (const urn of members) {
        const value = figures.get(urn)?.get(answer.year);
        if (value === undefined) continue;
        const withFigure = neighbours
          .get(urn)!
          .filter((other) => figures.get(other)?.has(answer.year));
        if (withFigure.length === 0) continue;
        memberValues.push(value);
        comparisonMeans.push(
          meanOf(withFigure.map((other) => figures.get(other)!.get(answer.year)!)),
        );
        for (const other of withFigure) compared.add(other);
      }
      expect(answer.n, answer.year).toBe(memberValues.length);
      expect(answer.comparisonSchools, answer.year).toBe(compared.size);
      expect(answer.memberMean!, answer.year).toBeCloseTo(meanOf(memberValues), 9);
      expect(answer.comparisonMean!, answer.year).toBeCloseTo(meanOf(comparisonMeans), 9);
      expect(answer.mean!, answer.year).toBeCloseTo(
        meanOf(memberValues.map((value, i) => value - comparisonMeans[i]!)),
        9,
      );
    }
  });
});

describe("impactByPartnershipType", () => {
  it("when asked about the South West, then multi-academy trusts are answered year by year and before/after joining", async () => {
    const impacts = await byType(SOUTH_WEST);
    const { members, partnerships } = await one<{ members: number; partnerships: number }>(
      `MATCH (s:School {regionCode: $region})-[:MEMBER_OF]->(p:Partnership {type: "MULTI_ACADEMY_TRUST"})
       RETURN count(DISTINCT s) AS members, count(DISTINCT p) AS partnerships`,
      { region: SOUTH_WEST },
    );
    const mat = impacts.find((impact) => impact.type === "MULTI_ACADEMY_TRUST")!;
    expect(mat).toMatchObject({ regionCode: SOUTH_WEST, members, partnerships });
    const ks2 = measure(mat, "KS2_RWM_EXPECTED");
    expect(ks2.years.map((y) => y.year)).toEqual(KS2_YEARS);
    expect(ks2.years.every((y) => y.verdict === "ANSWERED")).toBe(true);
    expect(ks2.beforeAfter.verdict).toBe("ANSWERED");
    expect(ks2.beforeAfter.n).toBeGreaterThanOrEqual(5);
    expect(ks2.beforeAfter.mean).toBeCloseTo(
      ks2.beforeAfter.meanGapAfter! - ks2.beforeAfter.meanGapBefore!,
      9,
    );
    expect(ks2.beforeAfter.confidenceLow).toBeLessThan(ks2.beforeAfter.confidenceHigh!);
    expect(measure(mat, "KS4_PROGRESS_8").years.map((y) => y.year)).toEqual(["2018/19", "2023/24"]);
    expect(mat.caveats.join(" ")).toMatch(/no partnership of this type/);
  });

  it("when England is asked for twice, then both agree and the second is answered from memory", async () => {
    const { answer: cold, repeated: warm, statements } = await askTwice(api().db, () => byType());

    expect(warm).toEqual(cold);
    // Only the data-version check reaches the database; speed itself is measured in bench/.
    expect(statements).toBeLessThanOrEqual(1);
    expect(cold.map((impact) => impact.type)).toContain("MULTI_ACADEMY_TRUST");
    expect(cold.every((impact) => impact.regionCode === null)).toBe(true);
  });

  it("when the South West is asked for with CONTEXT_NEIGHBOURS, then multi-academy trusts are answered against their nearest schools on context", async () => {
    const impacts = await byType(SOUTH_WEST, "CONTEXT_NEIGHBOURS");
    const mat = impacts.find((impact) => impact.type === "MULTI_ACADEMY_TRUST")!;
    expect(mat).toMatchObject({
      regionCode: SOUTH_WEST,
      comparison: "CONTEXT_NEIGHBOURS",
      neighboursPerMember: 20,
    });
    expect(mat.membersWithComparisonSchools).toBeGreaterThan(0);
    const ks2 = measure(mat, "KS2_RWM_EXPECTED");
    expect(ks2.years.map((y) => y.year)).toEqual(KS2_YEARS);
    expect(ks2.years.every((y) => y.verdict === "ANSWERED")).toBe(true);
    expect(ks2.beforeAfter.verdict).toBe("ANSWERED");
    expect(ks2.beforeAfter.mean).toBeCloseTo(
      ks2.beforeAfter.meanGapAfter! - ks2.beforeAfter.meanGapBefore!,
      9,
    );
    expect(mat.caveats.join(" ")).toMatch(/in no partnership of this type/);
    expect(mat.caveats.join(" ")).toMatch(/This basis exists because/);
    const family = (await byType(SOUTH_WEST)).find((i) => i.type === "MULTI_ACADEMY_TRUST")!;
    expect(family.comparison).toBe("FAMILY");
    expect(measure(family, "KS2_RWM_EXPECTED").years).not.toEqual(ks2.years);
  });

  it("when England is asked for twice with CONTEXT_NEIGHBOURS, then both agree and the second is answered from memory", async () => {
    const {
      answer: cold,
      repeated: warm,
      statements,
    } = await askTwice(api().db, () => byType(undefined, "CONTEXT_NEIGHBOURS"));

    expect(warm).toEqual(cold);
    expect(statements).toBeLessThanOrEqual(1);
    expect(cold.map((impact) => impact.type)).toContain("MULTI_ACADEMY_TRUST");
    expect(cold.every((impact) => impact.comparison === "CONTEXT_NEIGHBOURS")).toBe(true);
  });

  it("when the region is unknown, then NOT_FOUND on the argument", async () => {
    const result = await api().execute(EvaluationImpactByTypeDocument, {
      regionCode: "E12000099",
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "regionCode",
    });
  });
});
