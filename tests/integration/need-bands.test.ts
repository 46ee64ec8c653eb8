/**
 * The need bands stored by `npm run need-bands` (the test global setup runs it) on the real data:
 * persistently low results are need whatever the last grade; schools at England's level and good
 * are not; the number in need stays near what it was. Every group is derived from the graph.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NEED_RULE_VERSION } from "../../src/modules/support/support.rules.js";
import { useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";

const api = useApi();

/** Schools in bands 1-2 under the first rule on this data, the reference for the second. */
const BANDS_1_2_UNDER_RULE_1 = 4_186;
const LATEST = ["2023/24", "2024/25"] as const;

interface Primary {
  urn: number;
  band: number;
  ruleVersion: number;
  ofstedGrade: number | null;
  years: string[];
  values: number[];
  cohorts: (number | null)[];
}

let primaries: Primary[];
/** England's KS2 RWM % in each of the two latest years, counting pupils. */
let england: Map<string, number>;

/** The school's RWM % and cohort in a year, when both are published. */
function year(school: Primary, label: string): { rwm: number; cohort: number } | null {
  const i = school.years.indexOf(label);
  const cohort = school.cohorts[i];
  const rwm = school.values[i];
  return i < 0 || cohort == null || rwm === undefined ? null : { rwm, cohort };
}

beforeAll(async () => {
  const rows = await query<Record<string, unknown>>(
    api().db,
    `MATCH (s:School {stateFunded: true, phase: "PRIMARY"})
     WHERE s.needBand IS NOT NULL
     RETURN s.urn AS urn, s.needBand AS band, s.needRuleVersion AS ruleVersion,
       s.ofstedGrade AS ofstedGrade, s.ks2RwmSeriesYears AS years,
       s.ks2RwmSeriesValues AS values, s.ks2RwmSeriesCohorts AS cohorts`,
  );
  const num = (value: unknown) => (value === null ? null : Number(value));
  primaries = rows.map((row) => ({
    urn: Number(row["urn"]),
    band: Number(row["band"]),
    ruleVersion: Number(row["ruleVersion"]),
    ofstedGrade: num(row["ofstedGrade"]),
    years: (row["years"] as string[] | null) ?? [],
    values: ((row["values"] as unknown[] | null) ?? []).map(Number),
    cohorts: ((row["cohorts"] as unknown[] | null) ?? []).map(num),
  }));
  england = new Map(
    LATEST.map((label) => {
      let pupils = 0;
      let reaching = 0;
      for (const school of primaries) {
        const y = year(school, label);
        if (!y) continue;
        pupils += y.cohort;
        reaching += (y.rwm / 100) * y.cohort;
      }
      return [label, (100 * reaching) / pupils];
    }),
  );
});

const share = (schools: Primary[]) =>
  schools.filter((school) => school.band <= 2).length / schools.length;

describe("need bands, rule 2", () => {
  it("when the bands are read, then every one comes from the current rule", () => {
    expect(primaries.length).toBeGreaterThan(10_000);
    expect(primaries.every((school) => school.ruleVersion === NEED_RULE_VERSION)).toBe(true);
  });

  it("when a primary's KS2 RWM was below 35 % in both latest years (15+ pupils each), then at least 90 % of such schools are in bands 1-2", () => {
    const low = primaries.filter((school) =>
      LATEST.every((label) => {
        const y = year(school, label);
        return y !== null && y.cohort >= 15 && y.rwm < 35;
      }),
    );

    expect(low.length).toBeGreaterThan(50);
    expect(share(low)).toBeGreaterThanOrEqual(0.9);
  });

  it("when a primary was at or above England's KS2 RWM in both latest years (15+ pupils) and good or better, then at most 5 % of such schools are in bands 1-2", () => {
    const strong = primaries.filter(
      (school) =>
        school.ofstedGrade !== null &&
        school.ofstedGrade <= 2 &&
        LATEST.every((label) => {
          const y = year(school, label);
          return y !== null && y.cohort >= 15 && y.rwm >= (england.get(label) as number);
        }),
    );

    expect(strong.length).toBeGreaterThan(1_000);
    expect(share(strong)).toBeLessThanOrEqual(0.05);
  });

  it("when every state-funded school is banded, then bands 1-2 hold within 25 % of the first rule's count", async () => {
    const [row] = await query<{ n: unknown }>(
      api().db,
      `MATCH (s:School {stateFunded: true}) WHERE s.needBand IN [1, 2] RETURN count(s) AS n`,
    );
    const inNeed = Number(row?.n);

    expect(inNeed).toBeGreaterThanOrEqual(BANDS_1_2_UNDER_RULE_1 * 0.75);
    expect(inNeed).toBeLessThanOrEqual(BANDS_1_2_UNDER_RULE_1 * 1.25);
  });

  it("when a band rests on results, then its reason gives the years and figures", async () => {
    const rows = await query<{ detail: string }>(
      api().db,
      `MATCH (s:School {stateFunded: true})
       UNWIND s.needDetails AS detail
       WITH detail WHERE detail STARTS WITH "KS2 reading, writing and maths"
       RETURN detail LIMIT 50`,
    );

    expect(rows.length).toBe(50);
    for (const { detail } of rows) {
      expect(detail).toMatch(/\d+ % in 20\d\d\/\d\d/);
      expect(detail).toMatch(/against England \d+ %/);
    }
  });
});
