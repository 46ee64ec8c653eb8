/**
 * Family.outcomeTrends against the full England data: each year's family median checked against
 * a Cypher computation of its own over the members, years without tests absent, and who does
 * better. Families must exist: the test global setup runs `tsx scripts/families.ts --if-missing`.
 */
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const ALDGATE = 100000;
/** A secondary academy in Southwark. */
const HARRIS_BERMONDSEY = 131747;

interface TrendYear {
  year: string;
  value: number | null;
  familyMedian: number;
  membersWithFigure: number;
  source: { id: string };
}

interface Trend {
  outcome: string;
  years: TrendYear[];
  comparisonYear: string | null;
  doingBetter: {
    urn: number;
    value: number;
    year: string;
    difference: number;
    source: { id: string };
    school: { urn: number; name: string } | null;
  }[];
}

interface FamilyTrends {
  version: number;
  size: number;
  school: {
    ks2History: { year: string; rwmExpected: number }[];
    ks4History: { year: string; progress8: number | null; attainment8: number | null }[];
  };
  outcomeTrends: Trend[];
}

const TRENDS = `
  query Trends($urn: Int!) {
    family(urn: $urn) {
      version size
      school { ks2History { year rwmExpected } ks4History { year progress8 attainment8 } }
      outcomeTrends {
        outcome comparisonYear
        years { year value familyMedian membersWithFigure source { id } }
        doingBetter { urn value year difference source { id } school { urn name } }
      }
    }
  }`;

async function trendsOf(urn: number): Promise<FamilyTrends> {
  const { family } = dataOf(await api().executeText(TRENDS, { urn })) as {
    family: FamilyTrends | null;
  };
  if (!family) throw new Error(`No family for ${urn}: run \`npm run families\`.`);
  return family;
}

/** Per year, the median and count of the members' figures, computed in Cypher alone. */
async function cypherMedians(
  urn: number,
  version: number,
  years: string,
  values: string,
): Promise<Map<string, { median: number; members: number }>> {
  const { records } = await api().db.driver.executeQuery(
    // Two MATCH clauses, so the school itself is among the members (one pattern would not
    // walk its IN_FAMILY twice).
    `MATCH (:School {urn: $urn})-[own:IN_FAMILY]->(f:Family)
     WHERE own.version = $version
     MATCH (s:School)-[:IN_FAMILY]->(f)
     WHERE s.${years} IS NOT NULL
     UNWIND range(0, size(s.${years}) - 1) AS i
     WITH s.${years}[i] AS year, s.${values}[i] AS value
     WHERE NOT isNaN(value)
     RETURN year, percentileCont(value, 0.5) AS median, count(*) AS members`,
    { urn: neo4j.int(urn), version: neo4j.int(version) },
  );
  return new Map(
    records.map((record) => [
      String(record.get("year")),
      { median: Number(record.get("median")), members: Number(record.get("members")) },
    ]),
  );
}

describe("Family.outcomeTrends", () => {
  it("when asked for a primary, then each KS2 year's family median is the members' median computed in Cypher", async () => {
    const family = await trendsOf(ALDGATE);
    const trend = family.outcomeTrends.find((t) => t.outcome === "KS2_RWM_EXPECTED");
    const expected = await cypherMedians(
      ALDGATE,
      family.version,
      "ks2RwmSeriesYears",
      "ks2RwmSeriesValues",
    );

    expect(family.outcomeTrends.map((t) => t.outcome)).toEqual(["KS2_RWM_EXPECTED"]);
    expect(trend!.years.map((y) => y.year)).toEqual([...expected.keys()].sort());
    for (const year of trend!.years) {
      expect(year.familyMedian).toBeCloseTo(expected.get(year.year)!.median, 9);
      expect(year.membersWithFigure).toBe(expected.get(year.year)!.members);
      expect(year.membersWithFigure).toBeLessThanOrEqual(family.size);
      expect(year.source.id).toBe("dfe-ks2-history-2015-16-to-2024-25");
    }
    // Some member had a figure in more than one year, so the medians were over several schools.
    expect(Math.max(...trend!.years.map((y) => y.membersWithFigure))).toBeGreaterThan(1);
  });

  it("when a primary's family is compared, then the years without KS2 tests are absent, not zero", async () => {
    const family = await trendsOf(ALDGATE);
    const years = family.outcomeTrends[0]!.years.map((y) => y.year);

    expect(years).toContain("2018/19");
    expect(years).toContain("2022/23");
    for (const missing of ["2019/20", "2020/21", "2021/22"]) expect(years).not.toContain(missing);
  });

  it("when asked for a primary, then its own values are its KS2 history and no year it lacks has one", async () => {
    const family = await trendsOf(ALDGATE);
    const own = new Map(family.school.ks2History.map((y) => [y.year, y.rwmExpected]));

    for (const year of family.outcomeTrends[0]!.years) {
      expect(year.value).toBe(own.get(year.year) ?? null);
    }
  });

  it("when asked for a secondary, then its KS4 outcomes' medians match Cypher and only years held appear", async () => {
    const family = await trendsOf(HARRIS_BERMONDSEY);
    const progress8 = family.outcomeTrends.find((t) => t.outcome === "KS4_PROGRESS8");
    const expected = await cypherMedians(
      HARRIS_BERMONDSEY,
      family.version,
      "ks4SeriesYears",
      "ks4SeriesProgress8",
    );

    // KS4 only: the few members with KS2 figures do not make it a KS2 family.
    expect(family.outcomeTrends.map((t) => t.outcome)).toEqual([
      "KS4_PROGRESS8",
      "KS4_ATTAINMENT8",
      "KS4_ENGLISH_MATHS_GRADE5",
    ]);
    expect(progress8!.years.map((y) => y.year)).toEqual([...expected.keys()].sort());
    for (const year of progress8!.years) {
      expect(year.familyMedian).toBeCloseTo(expected.get(year.year)!.median, 9);
      expect(year.membersWithFigure).toBe(expected.get(year.year)!.members);
      expect(["2019/20", "2020/21", "2021/22"]).not.toContain(year.year);
    }
  });

  it("when members beat the school in its latest year, then they are listed best first, each higher than it", async () => {
    const family = await trendsOf(ALDGATE);
    const trend = family.outcomeTrends[0]!;
    const own = trend.years.find((y) => y.year === trend.comparisonYear)!.value!;

    expect(trend.comparisonYear).toBe(family.school.ks2History.at(-1)!.year);
    for (const member of trend.doingBetter) {
      expect(member.year).toBe(trend.comparisonYear);
      expect(member.value).toBeGreaterThan(own);
      expect(member.difference).toBeCloseTo(member.value - own, 9);
      expect(member.school?.urn).toBe(member.urn);
      expect(member.urn).not.toBe(ALDGATE);
    }
    const values = trend.doingBetter.map((member) => member.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Everyone with a higher figure that year is listed: the count matches the members above it.
    const { records } = await api().db.driver.executeQuery(
      `MATCH (:School {urn: $urn})-[own:IN_FAMILY]->(f:Family)<-[:IN_FAMILY]-(s:School)
       WHERE own.version = $version AND s.urn <> $urn AND s.ks2RwmSeriesYears IS NOT NULL
       WITH s, [i IN range(0, size(s.ks2RwmSeriesYears) - 1) WHERE s.ks2RwmSeriesYears[i] = $year | s.ks2RwmSeriesValues[i]] AS values
       UNWIND values AS value
       WITH value WHERE NOT isNaN(value) AND value > $own
       RETURN count(*) AS better`,
      {
        urn: neo4j.int(ALDGATE),
        version: neo4j.int(family.version),
        year: trend.comparisonYear,
        own,
      },
    );
    expect(Number(records[0]!.get("better"))).toBe(trend.doingBetter.length);
  });
});
