/**
 * The evaluation against the real database: a Cornish multi-academy trust's members against
 * similar schools outside it (recomputed here with Cypher for one year), a one-school trust that
 * is too small to say anything, partnership types across the South West and England, and typed
 * errors. Reads only; nothing is written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";

const api = useApi();

/** Aspire Academy Trust: 29 Cornish primary schools, converters among them. */
const TRUST = "gias-2192";
const SOUTH_WEST = "E12000009";
const KS2_YEARS = ["2015/16", "2016/17", "2017/18", "2018/19", "2022/23", "2023/24", "2024/25"];

const SUMMARY = "n mean standardDeviation standardError confidenceLow confidenceHigh effectSize";
const MEASURES = `measures {
  measure unit verdict explanation
  years { year verdict membersWithValue comparisonSchools memberMean comparisonMean nationalStandardDeviation ${SUMMARY} }
  beforeAfter { verdict explanation membersWithJoinDate membersWithYearsBefore membersWithYearsAfter meanGapBefore meanGapAfter nationalStandardDeviation ${SUMMARY} }
}`;
const PARTNERSHIP_IMPACT = `query ($id: ID!) {
  partnershipImpact(partnershipId: $id) {
    partnership { id name type } members membersInFamilies familyVersion caveats ${MEASURES}
  }
}`;
const BY_TYPE = `query ($regionCode: String) {
  impactByPartnershipType(regionCode: $regionCode) {
    type regionCode partnerships members membersInFamilies familyVersion caveats ${MEASURES}
  }
}`;

interface Summary {
  n: number;
  mean: number | null;
  standardDeviation: number | null;
  standardError: number | null;
  confidenceLow: number | null;
  confidenceHigh: number | null;
  effectSize: number | null;
}
interface YearImpact extends Summary {
  year: string;
  verdict: string;
  membersWithValue: number;
  comparisonSchools: number;
  memberMean: number | null;
  comparisonMean: number | null;
  nationalStandardDeviation: number | null;
}
interface MeasureImpact {
  measure: string;
  unit: string;
  verdict: string;
  explanation: string;
  years: YearImpact[];
  beforeAfter: Summary & {
    verdict: string;
    explanation: string;
    membersWithJoinDate: number;
    membersWithYearsBefore: number;
    membersWithYearsAfter: number;
    meanGapBefore: number | null;
    meanGapAfter: number | null;
  };
}
interface GroupImpact {
  members: number;
  membersInFamilies: number;
  familyVersion: number | null;
  caveats: string[];
  measures: MeasureImpact[];
}
type PartnershipImpact = GroupImpact & { partnership: { id: string; name: string; type: string } };
type TypeImpact = GroupImpact & { type: string; regionCode: string | null; partnerships: number };

async function partnershipImpact(id: string): Promise<PartnershipImpact> {
  const data = dataOf(await api().executeText(PARTNERSHIP_IMPACT, { id }));
  return (data as { partnershipImpact: PartnershipImpact }).partnershipImpact;
}

async function byType(regionCode?: string): Promise<TypeImpact[]> {
  const data = dataOf(await api().executeText(BY_TYPE, regionCode ? { regionCode } : {}));
  return (data as { impactByPartnershipType: TypeImpact[] }).impactByPartnershipType;
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

  it("when the measure is Progress 8, then before/after says ONE_YEAR_ONLY", () => {
    const ks4 = measure(impact, "KS4_PROGRESS_8");
    expect(ks4.years.map((y) => y.year)).toEqual(["2018/19"]);
    expect(ks4.beforeAfter.verdict).toBe("ONE_YEAR_ONLY");
    expect(ks4.beforeAfter.explanation).toMatch(/one year only/);
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
    const result = await api().executeText(PARTNERSHIP_IMPACT, { id: "gias-does-not-exist" });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "partnershipId",
    });
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
    expect(measure(mat, "KS4_PROGRESS_8").beforeAfter.verdict).toBe("ONE_YEAR_ONLY");
    expect(mat.caveats.join(" ")).toMatch(/no partnership of this type/);
  });

  it("when England is asked for twice, then both agree and the second takes well under a second", async () => {
    let started = performance.now();
    const cold = await byType();
    const coldMs = performance.now() - started;
    started = performance.now();
    const warm = await byType();
    const warmMs = performance.now() - started;

    expect(warm).toEqual(cold);
    expect(cold.map((impact) => impact.type)).toContain("MULTI_ACADEMY_TRUST");
    expect(cold.every((impact) => impact.regionCode === null)).toBe(true);
    expect(coldMs).toBeLessThan(10_000);
    expect(warmMs).toBeLessThan(1_000);
  });

  it("when the region is unknown, then NOT_FOUND on the argument", async () => {
    const result = await api().executeText(BY_TYPE, { regionCode: "E12000099" });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "regionCode",
    });
  });
});
