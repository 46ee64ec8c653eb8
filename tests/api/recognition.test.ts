/**
 * supportRecognition against the real database, on schools and system leaders of the test's own
 * in the North East (E12000001): an authority modelled on County Durham (TestArea) holds copies
 * of its schools, chosen by their need band, IDACI decile and KS2 series. An admin designates
 * three system leaders at three of them and records backdated support engagements by those
 * leaders with the others; the ranking of the region is then checked against points worked out
 * here from the figures the graph holds. The ranking covers every engagement given in the region,
 * so a check first confirms that the test's are the only ones there. The authority, its schools,
 * the leaders and their engagements are removed afterwards.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RecognitionCloseEngagementDocument,
  EngagementDesignateLeaderDocument,
  RecognitionRankingDocument,
  RecognitionRecordEngagementDocument,
  type RecognitionRankingQuery,
  type RecognitionRankingQueryVariables,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";
import { RecognitionRepository } from "../../src/modules/recognition/recognition.repository.js";
import {
  OUTCOME_FACTOR_STEP,
  outcomeFactorOf,
  RULE_VERSION,
} from "../../src/modules/recognition/recognition.rules.js";
import type { TokenClaims } from "../../src/auth/tokens.js";

const api = useApi();
const SUBJECT = testSubject("recognition");
const NORTH_EAST = "E12000001";
/** The North East authority the test's own is modelled on: the one with most schools. */
const COUNTY_DURHAM = 840;
/** KS2 years every supported school must have so that each outcome below is measurable. */
const YEARS = ["2018/19", "2022/23", "2023/24", "2024/25"];

type Recognition = RecognitionRankingQuery["supportRecognition"];
type Contribution = Recognition["leaders"][number]["contributions"][number];

/** A supported school as the graph holds it. */
interface SchoolFacts {
  urn: number;
  needBand: number;
  idaciDecile: number;
  series: Map<string, number>;
}

type Picked = "A" | "B" | "C" | "A2" | "D" | "N";
/** P1 and P2 are a pair picked together (pickPair). */
type Role = Picked | "P1" | "P2";
/**
 * Need band and IDACI decile each school is picked by, and whether it has the KS2 years: D is a
 * band-4 school, N a school with no KS2 series (a secondary), whose outcome cannot be measured.
 */
const PICKS: Record<Picked, { band: number; decile: number | null; ks2: boolean }> = {
  A: { band: 1, decile: 1, ks2: true },
  B: { band: 2, decile: 2, ks2: true },
  C: { band: 1, decile: 3, ks2: true },
  A2: { band: 2, decile: 1, ks2: true },
  D: { band: 4, decile: null, ks2: true },
  N: { band: 2, decile: 1, ks2: false },
};

/** What the engagements with the pair P1 and P2 share: all but their key and school. */
const PAIR_ENGAGEMENT = {
  leader: 1,
  start: "2023-01-10",
  end: "2023-07-09",
  need: -1,
  dep: -1,
  months: 5,
  before: "2018/19",
  after: "2023/24",
} as const;

/**
 * The engagements recorded, with what the rule should make of each. The academic year of a
 * start or end is neither before nor after it, and 2019/20 to 2021/22 have no KS2 results.
 */
const PLAN = [
  // 2021/22 to 2023/24: 24 whole months; outcome 2018/19 to 2024/25.
  {
    key: "E1",
    leader: 0,
    school: "A",
    start: "2021-10-01",
    end: "2023-10-01",
    need: 2,
    dep: 1.5,
    months: 24,
    before: "2018/19",
    after: "2024/25",
  },
  // 10 January to 9 July: 5 whole months; outcome 2018/19 to 2023/24.
  {
    key: "E2",
    leader: 0,
    school: "B",
    start: "2023-01-10",
    end: "2023-07-09",
    need: 1,
    dep: 1.25,
    months: 5,
    before: "2018/19",
    after: "2023/24",
  },
  // 36 months, capped at 24; outcome 2018/19 to 2023/24.
  {
    key: "E3",
    leader: 1,
    school: "C",
    start: "2020-03-01",
    end: "2023-03-01",
    need: 2,
    dep: 1,
    months: 24,
    before: "2018/19",
    after: "2023/24",
  },
  // P1 and P2: one need band and IDACI decile, KS2 changes over 2018/19 to 2023/24 at least a
  // point apart within one band of the factor; 5 whole months each.
  { key: "E7", school: "P1", ...PAIR_ENGAGEMENT },
  { key: "E8", school: "P2", ...PAIR_ENGAGEMENT },
  // A band-4 school: not counted.
  {
    key: "E4",
    leader: 1,
    school: "D",
    start: "2023-01-01",
    end: "2023-06-01",
    need: 0,
    dep: 0,
    months: 0,
    before: "",
    after: "",
  },
  // No KS2 series: 1 × 1.5 × 12 months × outcome 1. Recorded before E5, which stays open.
  {
    key: "E6",
    leader: 2,
    school: "N",
    start: "2023-01-01",
    end: "2024-01-01",
    need: 1,
    dep: 1.5,
    months: 12,
    before: "",
    after: "",
  },
  // Open since February 2024, so over 24 months by now; outcome 2022/23 to the latest, 2024/25.
  {
    key: "E5",
    leader: 2,
    school: "A2",
    start: "2024-02-01",
    end: null,
    need: 1,
    dep: 1.5,
    months: 24,
    before: "2022/23",
    after: "2024/25",
  },
] as const;

const leaders: { id: string; baseUrn: number }[] = [];
const schools = new Map<Role, SchoolFacts>();
const engagementIds = new Map<string, string>();

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });

function recognition(
  variables: RecognitionRankingQueryVariables,
  token?: string,
): Promise<OperationResult<RecognitionRankingQuery>> {
  return api().execute(RecognitionRankingDocument, variables, token === undefined ? {} : { token });
}

/** As an admin, who may read every engagement, unless another token is given. */
async function recognitionOf(
  variables: RecognitionRankingQueryVariables,
  token?: string | null,
): Promise<Recognition> {
  const result = await recognition(
    variables,
    token === undefined ? await admin() : (token ?? undefined),
  );
  return dataOf(result).supportRecognition;
}

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/** The rule's factor, worked here: 1 + change / 10 to the nearest 0.25 (halves up), 0.5 to 2. */
const factorOf = (relative: number): number =>
  Math.min(2, Math.max(0.5, Math.round((1 + relative / 10) * 4) / 4));

const NEED_WEIGHT: Record<number, number> = { 1: 2, 2: 1 };
const DEPRIVATION_WEIGHT: Record<number, number> = { 1: 1.5, 2: 1.25, 3: 1 };

/** Mean change between two years over every school with results in both, from all series. */
async function nationalChange(before: string, after: string): Promise<number> {
  const rows = await query<{ years: string[]; values: number[] }>(
    api().db,
    `MATCH (s:School) WHERE $before IN s.ks2RwmSeriesYears AND $after IN s.ks2RwmSeriesYears
     RETURN s.ks2RwmSeriesYears AS years, s.ks2RwmSeriesValues AS values`,
    { before, after },
  );
  const changes = rows.map(
    (row) =>
      Number(row.values[row.years.indexOf(after)]) - Number(row.values[row.years.indexOf(before)]),
  );
  return changes.reduce((sum, change) => sum + change, 0) / changes.length;
}

/** What each planned engagement should score, worked out from the graph's figures. */
async function expectedPoints(): Promise<Map<string, { points: number; factor: number }>> {
  const expected = new Map<string, { points: number; factor: number }>();
  for (const step of PLAN) {
    const school = schools.get(step.school)!;
    // The pair's weights follow from the band and decile they were picked with.
    const need = step.need === -1 ? NEED_WEIGHT[school.needBand]! : step.need;
    const dep = step.dep === -1 ? DEPRIVATION_WEIGHT[school.idaciDecile]! : step.dep;
    if (need === 0) {
      expected.set(step.key, { points: 0, factor: 1 });
      continue;
    }
    if (step.before === "") {
      expected.set(step.key, { points: need * dep * step.months, factor: 1 });
      continue;
    }
    const schoolChange = school.series.get(step.after)! - school.series.get(step.before)!;
    const relative = round(schoolChange - (await nationalChange(step.before, step.after)), 2);
    const factor = factorOf(relative);
    expected.set(step.key, { points: round(need * dep * step.months * factor, 2), factor });
  }
  return expected;
}

interface SchoolRow {
  urn: unknown;
  band: unknown;
  decile: unknown;
  years: string[] | null;
  values: unknown[] | null;
}

function factsOf(row: SchoolRow): SchoolFacts {
  return {
    urn: Number(row.urn),
    needBand: Number(row.band),
    idaciDecile: Number(row.decile),
    series: new Map((row.years ?? []).map((year, i) => [year, Number(row.values?.[i])])),
  };
}

/** A school as the graph holds it. */
async function schoolFacts(urn: number): Promise<SchoolFacts> {
  const [row] = await query<SchoolRow>(
    api().db,
    `MATCH (s:School {urn: $urn})
     RETURN s.urn AS urn, s.needBand AS band, s.idaciDecile AS decile,
       s.ks2RwmSeriesYears AS years, s.ks2RwmSeriesValues AS values`,
    { urn: neo4j.int(urn) },
  );
  if (!row) throw new Error(`No school ${urn}.`);
  return factsOf(row);
}

/** A copy, in the test's authority, of one of its model's schools that meets `where`. */
async function copyOf(area: TestArea, where: string): Promise<SchoolFacts> {
  const [urn] = await area.schools({ count: 1, where });
  return schoolFacts(urn!);
}

/**
 * Copies of two schools of the authority the test's is modelled on, in one need band (1 or 2)
 * and IDACI decile (1 to 3), whose KS2 changes from 2018/19 to 2023/24 differ by at least a
 * point yet give one outcome factor, neither within 0.05 of a band's edge (where the graph's and
 * this file's national means could round apart).
 */
async function pickPair(area: TestArea): Promise<[SchoolFacts, SchoolFacts]> {
  const rows = await query<SchoolRow>(
    api().db,
    `MATCH (s:School {laCode: $la})
     WHERE s.needBand IN [1, 2] AND s.idaciDecile IN [1, 2, 3] AND s.location IS NOT NULL
       AND '2018/19' IN s.ks2RwmSeriesYears AND '2023/24' IN s.ks2RwmSeriesYears
     RETURN s.urn AS urn, s.needBand AS band, s.idaciDecile AS decile,
       s.ks2RwmSeriesYears AS years, s.ks2RwmSeriesValues AS values
     ORDER BY s.urn`,
    { la: neo4j.int(area.like) },
  );
  const national = await nationalChange("2018/19", "2023/24");
  const seen: { facts: SchoolFacts; change: number; key: string }[] = [];
  for (const row of rows) {
    const facts = factsOf(row);
    const change = facts.series.get("2023/24")! - facts.series.get("2018/19")!;
    const relative = round(change - national, 2);
    const edge = (relative + 1.25) / 2.5;
    if (!Number.isFinite(change) || Math.abs(edge - Math.round(edge)) * 2.5 < 0.05) continue;
    const key = `${facts.needBand}|${facts.idaciDecile}|${factorOf(relative)}`;
    const partner = seen.find((s) => s.key === key && Math.abs(s.change - change) >= 1);
    if (partner) {
      return [
        await copyOf(area, `t.urn = ${partner.facts.urn}`),
        await copyOf(area, `t.urn = ${facts.urn}`),
      ];
    }
    seen.push({ facts, change, key });
  }
  throw new Error(`No two schools of LA ${area.like} with changes a point apart within one band.`);
}

/** The condition on the real school a pick is copied from. */
function pickCondition(pick: (typeof PICKS)[Picked]): string {
  return [
    `t.needBand = ${pick.band}`,
    pick.decile === null ? "true" : `t.idaciDecile = ${pick.decile}`,
    pick.ks2
      ? `all(y IN ${JSON.stringify(YEARS)} WHERE y IN t.ks2RwmSeriesYears)`
      : "t.ks2RwmSeriesYears IS NULL",
  ].join(" AND ");
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, COUNTY_DURHAM);
  expect(area.regionCode).toBe(NORTH_EAST);
  const token = await admin();

  const bases = await area.schools({ count: 3 });
  for (const baseUrn of bases) {
    const designated = await api().execute(
      EngagementDesignateLeaderDocument,
      { input: { urn: baseUrn, designation: "NLE", specialisms: ["MATHEMATICS"], capacity: 3 } },
      { token },
    );
    leaders.push({ id: dataOf(designated).designateSystemLeader.id, baseUrn });
  }

  for (const [role, pick] of Object.entries(PICKS) as [Picked, (typeof PICKS)[Picked]][]) {
    schools.set(role, await copyOf(area, pickCondition(pick)));
  }
  const [p1, p2] = await pickPair(area);
  schools.set("P1", p1);
  schools.set("P2", p2);

  for (const step of PLAN) {
    const recorded = await api().execute(
      RecognitionRecordEngagementDocument,
      {
        input: {
          systemLeaderId: leaders[step.leader]!.id,
          urn: schools.get(step.school)!.urn,
          focus: `Recognition test ${step.key}`,
          startOn: step.start,
        },
      },
      { token },
    );
    const id = dataOf(recorded).recordSupportEngagement.id;
    engagementIds.set(step.key, id);
    if (step.end !== null) {
      dataOf(
        await api().execute(
          RecognitionCloseEngagementDocument,
          { input: { engagementId: id, outcome: "Support completed.", endOn: step.end } },
          { token },
        ),
      );
    }
  }
});

afterAll(async () => {
  // Removing the leaders and schools removes the engagements between them.
  await cleanUpWrites(api().db, SUBJECT);
  const [left] = await query<{ n: unknown }>(
    api().db,
    "MATCH ()-[r:SUPPORTS]->() WHERE r.createdBy STARTS WITH $prefix RETURN count(r) AS n",
    { prefix: SUBJECT },
  );
  expect(Number(left?.n)).toBe(0);
});

describe("supportRecognition", () => {
  it("when the engagements are in the graph, then they hold the dates recorded", async () => {
    const rows = await query<{ id: string; start: unknown; end: unknown }>(
      api().db,
      `MATCH ()-[r:SUPPORTS]->() WHERE r.createdBy STARTS WITH $prefix
       RETURN r.id AS id, toString(r.start) AS start, toString(r.end) AS end`,
      { prefix: SUBJECT },
    );

    expect(rows).toHaveLength(PLAN.length);
    for (const step of PLAN) {
      const row = rows.find((r) => r.id === engagementIds.get(step.key));
      expect([row?.start, row?.end ?? null]).toEqual([step.start, step.end]);
    }
  });

  it("when ranking the North East, then leaders and base schools rank as worked out from the graph", async () => {
    const expected = await expectedPoints();
    const leaderPoints = leaders.map((leader, index) => ({
      id: leader.id,
      baseUrn: leader.baseUrn,
      points: round(
        PLAN.filter((step) => step.leader === index).reduce(
          (sum, step) => sum + expected.get(step.key)!.points,
          0,
        ),
        2,
      ),
    }));
    const ranked = [...leaderPoints].sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1));
    const [foreign] = await query<{ n: unknown }>(
      api().db,
      `MATCH ()-[r:SUPPORTS]->(s:School {regionCode: $region})
       WHERE r.createdBy IS NULL OR NOT r.createdBy STARTS WITH $prefix RETURN count(r) AS n`,
      { region: NORTH_EAST, prefix: SUBJECT },
    );
    expect(Number(foreign?.n), "engagements in the North East made by something else").toBe(0);

    const result = await recognitionOf({ regionCode: NORTH_EAST });

    expect(result).toMatchObject({
      regionCode: NORTH_EAST,
      engagementsConsidered: 8,
      engagementsCounted: 7,
      note: null,
      rule: { version: RULE_VERSION },
    });
    expect(result.rule.description).toContain("need band 1 or 2");
    expect(result.rule.description).toContain(`Recognition rule version ${RULE_VERSION}.`);
    expect(result.rule.description).toContain("rounded to the nearest 0.25");
    expect(
      result.leaders.map((l) => [l.rank, l.systemLeader?.id, l.points, l.baseSchool?.urn]),
    ).toEqual(ranked.map((l, i) => [i + 1, l.id, l.points, l.baseUrn]));
    expect(
      result.schools.map((s) => [s.rank, s.school?.urn, s.points, s.leaders.map((l) => l.id)]),
    ).toEqual(ranked.map((l, i) => [i + 1, l.baseUrn, l.points, [l.id]]));
  });

  it("when a contribution is counted, then it shows the school's figures, months, outcome and points", async () => {
    const expected = await expectedPoints();
    const result = await recognitionOf({ regionCode: NORTH_EAST });
    const contributions = result.leaders.flatMap((l) => l.contributions);
    const byKey = (key: string) =>
      contributions.find((c) => c.engagementId === engagementIds.get(key));

    const e1 = byKey("E1");
    expect(e1).toMatchObject({
      counted: true,
      needBand: 1,
      idaciDecile: 1,
      months: 24,
      countedMonths: 24,
      needWeight: 2,
      deprivationWeight: 1.5,
      outcomeFactor: expected.get("E1")!.factor,
      points: expected.get("E1")!.points,
      outcome: { beforeYear: "2018/19", afterYear: "2024/25" },
      school: { urn: schools.get("A")!.urn },
    });
    expect(byKey("E2")).toMatchObject({ months: 5, needBand: 2, idaciDecile: 2 });
    expect(byKey("E2")?.points).toBe(expected.get("E2")!.points);
    expect(byKey("E3")).toMatchObject({ months: 36, countedMonths: 24, idaciDecile: 3 });
    expect(byKey("E3")?.points).toBe(expected.get("E3")!.points);
    expect(byKey("E3")?.reason).toContain("24 months (capped from 36)");
    expect(byKey("E5")).toMatchObject({
      countedMonths: 24,
      outcome: { beforeYear: "2022/23", afterYear: "2024/25" },
      points: expected.get("E5")!.points,
    });
    expect(byKey("E6")).toMatchObject({
      counted: true,
      months: 12,
      outcome: null,
      outcomeFactor: 1,
      points: 18,
      school: { urn: schools.get("N")!.urn },
    });
    expect(byKey("E6")?.reason).toContain("outcome 1 (outcome not yet measurable)");
    for (const key of ["E7", "E8"]) {
      expect(byKey(key), key).toMatchObject({
        counted: true,
        months: 5,
        outcomeFactor: expected.get(key)!.factor,
        points: expected.get(key)!.points,
      });
    }
  });

  it("when the supported school is in need band 4, then the engagement is listed as not counted", async () => {
    const result = await recognitionOf({ regionCode: NORTH_EAST });
    const leader = result.leaders.find((l) => l.systemLeader?.id === leaders[1]!.id);

    expect(leader).toMatchObject({ engagementsCounted: 3, engagementsNotCounted: 1 });
    expect(leader?.contributions.at(-1)).toMatchObject({
      engagementId: engagementIds.get("E4"),
      counted: false,
      exclusion: "NEED_NOT_LOW",
      needBand: 4,
      points: 0,
      reason: "Not counted: the school is in need band 4 (only bands 1 and 2 count).",
    });
  });

  it.each([
    // [caller, its claims, the planned engagements whose school it is shown]
    ["ANONYMOUS", () => null, []],
    [
      "SCHOOL supported in E1",
      () => ({ role: "SCHOOL", sub: `${SUBJECT}-school`, urn: schools.get("A")!.urn }),
      ["E1"],
    ],
    [
      "SCHOOL a recognised leader is based at",
      () => ({ role: "SCHOOL", sub: `${SUBJECT}-school`, urn: leaders[0]!.baseUrn }),
      [],
    ],
    [
      "SYSTEM_LEADER of E1 and E2",
      () => ({ role: "SYSTEM_LEADER", sub: `${SUBJECT}-leader`, systemLeaderId: leaders[0]!.id }),
      ["E1", "E2"],
    ],
    [
      "SYSTEM_LEADER of none of them",
      () => ({ role: "SYSTEM_LEADER", sub: `${SUBJECT}-leader`, systemLeaderId: "tsh-sw6" }),
      [],
    ],
    [
      "OVERSIGHT of the North East",
      () => ({ role: "OVERSIGHT", sub: `${SUBJECT}-oversight`, regionCodes: [NORTH_EAST] }),
      PLAN.map((step) => step.key),
    ],
    [
      "OVERSIGHT of the South West",
      () => ({ role: "OVERSIGHT", sub: `${SUBJECT}-oversight`, regionCodes: ["E12000009"] }),
      [],
    ],
    ["ADMIN", () => ({ role: "ADMIN", sub: `${SUBJECT}-admin` }), PLAN.map((step) => step.key)],
  ] as [string, () => TokenClaims | null, string[]][])(
    "when %s asks, then the ranking is the same, each leader's points are the sum of the contributions it sees, and only the schools it may read are named",
    async (_, claims, shown) => {
      const c = claims();
      const full = await recognitionOf({ regionCode: NORTH_EAST });

      const result = await recognitionOf(
        { regionCode: NORTH_EAST },
        c === null ? null : await testToken(c),
      );

      const ranking = (r: Recognition) => ({
        leaders: r.leaders.map((l) => [l.rank, l.systemLeader?.id, l.points, l.baseSchool?.urn]),
        schools: r.schools.map((s) => [s.rank, s.school?.urn, s.points]),
      });
      expect(ranking(result)).toEqual(ranking(full));
      // Totals are sums of what this caller sees, so nothing hidden is left to subtract out.
      for (const leader of result.leaders) {
        const sum = leader.contributions.reduce((total, c) => total + c.points, 0);
        expect(leader.points, `${leader.systemLeader?.id} total`).toBe(round(sum, 2));
      }
      for (const school of result.schools) {
        const sum = result.leaders
          .filter((l) => l.baseSchool?.urn === school.school?.urn)
          .reduce((total, l) => total + l.points, 0);
        expect(school.points, `${school.school?.urn} total`).toBe(round(sum, 2));
      }
      const contributions = result.leaders.flatMap((l) => l.contributions);
      const fullById = new Map(
        full.leaders.flatMap((l) => l.contributions).map((c) => [c.engagementId, c]),
      );
      expect(contributions).toHaveLength(PLAN.length);
      for (const step of PLAN) {
        const id = engagementIds.get(step.key)!;
        const contribution = contributions.find((c) => c.engagementId === id)!;
        const complete = fullById.get(id)!;
        const urn = schools.get(step.school)!.urn;
        // What the rule rests on is public either way.
        for (const field of [
          "open",
          "counted",
          "exclusion",
          "needBand",
          "idaciDecile",
          "months",
          "countedMonths",
          "needWeight",
          "deprivationWeight",
        ] as const) {
          expect(contribution[field], `${step.key}.${field}`).toEqual(complete[field]);
        }
        if (shown.includes(step.key)) {
          expect(contribution).toEqual(complete);
          expect(contribution.school?.urn).toBe(urn);
        } else {
          // The dates would fix the KS2 years and so the public national change: months only.
          expect(contribution).toMatchObject({
            schoolWithheld: true,
            school: null,
            fsmPercent: null,
            outcome: null,
            start: null,
            end: null,
          });
          expect(contribution.reason).not.toContain(String(urn));
          // Factor and points are the rule's, the same as for a caller shown the school.
          expect([contribution.outcomeFactor, contribution.points], step.key).toEqual([
            complete.outcomeFactor,
            complete.points,
          ]);
          if (complete.outcome === null) continue;
          expect(contribution.reason).not.toContain(complete.outcome.beforeYear);
          expect(contribution.reason).not.toContain("nationally");
          expect(contribution.reason).toContain(
            `outcome ${complete.outcomeFactor} (KS2 change against national, to the nearest 0.25)`,
          );
          // Every KS2 change (against national) in the band 2.5 points wide holding the school's
          // gives this same factor, and so the same points: what is shown cannot tell them apart.
          const factor = complete.outcomeFactor;
          const middle = (factor - 1) * 10;
          if (factor > 0.5 && factor < 2) {
            expect(complete.outcome.relativeChange).toBeGreaterThanOrEqual(middle - 1.25);
            expect(complete.outcome.relativeChange).toBeLessThan(middle + 1.25);
          }
          for (const change of [-1.25, -0.6, 0, 0.6, 1.24].map((offset) => middle + offset)) {
            expect(outcomeFactorOf(change), `${step.key} ${change}`).toBe(factor);
          }
          expect(OUTCOME_FACTOR_STEP * 10).toBe(2.5);
        }
      }
      // E7 and E8: schools whose KS2 changes are at least a point apart within one band. Shown,
      // they differ; withheld, nothing but the engagement id tells them apart.
      const [pair7, pair8] = ["E7", "E8"].map((key) => {
        const id = engagementIds.get(key)!;
        return {
          full: fullById.get(id)!,
          seen: contributions.find((c) => c.engagementId === id)!,
        };
      });
      expect(
        Math.abs(pair7!.full.outcome!.schoolChange - pair8!.full.outcome!.schoolChange),
      ).toBeGreaterThanOrEqual(1);
      expect(pair7!.full.outcomeFactor).toBe(pair8!.full.outcomeFactor);
      if (!shown.includes("E7") && !shown.includes("E8")) {
        const withoutId = (c: Contribution) => ({ ...c, engagementId: "" });
        expect(withoutId(pair7!.seen)).toEqual(withoutId(pair8!.seen));
      }
    },
  );

  it("when first is 2, then only the first two leaders and schools come back", async () => {
    const full = await recognitionOf({ regionCode: NORTH_EAST });
    const result = await recognitionOf({ regionCode: NORTH_EAST, first: 2 });

    expect(result.leaders.map((l) => l.systemLeader?.id)).toEqual(
      full.leaders.slice(0, 2).map((l) => l.systemLeader?.id),
    );
    expect(result.schools).toHaveLength(2);
    expect(result.engagementsConsidered).toBe(8);
  });

  it("when another region or all of England is asked, then support is placed where it was given", async () => {
    const ids = leaders.map((l) => l.id);
    const elsewhere = await recognitionOf({ regionCode: "E12000004", first: 50 });
    const england = await recognitionOf({ first: 50 });
    const northEast = await recognitionOf({ regionCode: NORTH_EAST });

    expect(elsewhere.leaders.filter((l) => ids.includes(l.systemLeader?.id ?? ""))).toEqual([]);
    expect(england.regionCode).toBeNull();
    expect(
      england.leaders
        .filter((l) => ids.includes(l.systemLeader?.id ?? ""))
        .map((l) => [l.systemLeader?.id, l.points]),
    ).toEqual(northEast.leaders.map((l) => [l.systemLeader?.id, l.points]));
  });

  it("when more leaders are asked for, then the statements run stay the same", async () => {
    const statements = async (first: number) => {
      const before = api().db.statementCount;
      await recognitionOf({ regionCode: NORTH_EAST, first });
      return api().db.statementCount - before;
    };

    const one = await statements(1);
    const three = await statements(3);

    expect(three).toBe(one);
    expect(three).toBeLessThanOrEqual(6);
  });

  it("when national changes are asked for many year pairs at once, then each is the mean over the schools with both years", async () => {
    const years = ["2015/16", "2016/17", "2018/19", "2022/23", "2024/25"];
    const pairs = years.flatMap((before, i) =>
      years.slice(i + 1).map((after) => ({ before, after })),
    );
    // No KS2 tests were sat in 2020/21, so no school has that pair.
    pairs.push({ before: "2018/19", after: "2020/21" });

    const changes = await new RecognitionRepository(api().db).nationalChanges(pairs);

    expect([...changes.keys()].sort()).toEqual(
      pairs
        .slice(0, -1)
        .map((pair) => `${pair.before}|${pair.after}`)
        .sort(),
    );
    for (const pair of pairs.slice(0, -1)) {
      expect(changes.get(`${pair.before}|${pair.after}`)).toBeCloseTo(
        await nationalChange(pair.before, pair.after),
        9,
      );
    }
  });

  it.each([
    [{ first: 0 }, "BAD_USER_INPUT", "first"],
    [{ first: 51 }, "BAD_USER_INPUT", "first"],
    [{ regionCode: "north-east" }, "BAD_USER_INPUT", "regionCode"],
    [{ regionCode: "E12000099" }, "NOT_FOUND", "regionCode"],
  ])("when the arguments are %o, then %s names %s", async (variables, code, argument) => {
    const result = await recognition(variables);

    expect(result.errors?.[0]?.extensions).toMatchObject({ code, argument });
  });
});
