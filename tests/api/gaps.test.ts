/**
 * The gap detector against the full England data: supportGaps, isolatedSchools,
 * gapSensitivity, convertorAcademiesSupport and School.need.
 */
import { describe, expect, it } from "vitest";
import {
  GapsConvertorAcademiesDocument,
  GapsIsolatedSchoolsDocument,
  GapsListedOnceDocument,
  GapsOfAreaDocument,
  GapsRankedAtLevelDocument,
  GapsSchoolNeedDocument,
  GapsSensitivityDocument,
  type GapsOfAreaQuery,
  type GapsOfAreaQueryVariables,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";
import { NEED_RULE_VERSION } from "../../src/modules/support/support.rules.js";

const api = useApi();

type Gap = GapsOfAreaQuery["supportGaps"][number];

async function gaps(variables: GapsOfAreaQueryVariables): Promise<Gap[]> {
  return dataOf(await api().execute(GapsOfAreaDocument, variables)).supportGaps;
}

describe("supportGaps", () => {
  it("when rural gaps are asked for, then every area returned is rural", async () => {
    const list = await gaps({ kind: "RURAL", first: 100 });

    expect(list.length).toBeGreaterThan(5);
    for (const gap of list) {
      expect(gap.rural).toBe(true);
      expect(gap.ruralShare).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("when coastal gaps are asked for, then every area returned is coastal", async () => {
    const list = await gaps({ kind: "COASTAL", first: 100 });

    expect(list.length).toBeGreaterThan(5);
    expect(list.every((gap) => gap.coastal && gap.coastalShare >= 0.5)).toBe(true);
  });

  it("when LOCAL_AUTHORITY is asked for, then only LAs come back, ordered by gap index, highest first", async () => {
    const data = dataOf(
      await api().execute(GapsRankedAtLevelDocument, { level: "LOCAL_AUTHORITY", first: 500 }),
    );
    const list = data.supportGaps;

    expect(list.length).toBeGreaterThan(140);
    expect(list.every((gap) => gap.area.level === "LOCAL_AUTHORITY")).toBe(true);
    const indexes = list.map((gap) => gap.gapIndex);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
  });

  it("when gaps of a region are asked for, then each figure is consistent and the schools behind them are in need", async () => {
    const list = await gaps({ regionCode: "E12000009", level: "DISTRICT", first: 10 });

    expect(list.length).toBe(10);
    for (const gap of list) {
      expect(gap.localAuthority).not.toBeNull();
      expect(gap.needSchools).toBeLessThanOrEqual(gap.totalSchools);
      expect(gap.coverage).toBeGreaterThanOrEqual(0);
      expect(gap.coverage).toBeLessThanOrEqual(1);
      expect(gap.gapIndex).toBeCloseTo((100 * gap.unmetNeed) / gap.totalSchools);
      expect(gap.schools.length).toBe(Math.min(5, gap.needSchools));
      for (const school of gap.schools) expect(school.need?.band).toBeLessThanOrEqual(2);
    }
  });

  it("when the region is unknown, then NOT_FOUND lists the regions; when first is out of range, BAD_USER_INPUT names it", async () => {
    const unknown = await api().execute(GapsOfAreaDocument, { regionCode: "E12000010" });
    const tooMany = await api().execute(GapsRankedAtLevelDocument, { first: 501 });

    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "regionCode",
    });
    expect(unknown.errors?.[0]?.message).toContain("E12000001 (North East)");
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "first",
    });
  });
});

describe("supportGaps lists each area once", () => {
  it("when any list is asked for, under either supply, then no area (by code or by name) appears twice and each figure is explained", async () => {
    for (const supply of ["REAL", "MODELLED"] as const) {
      for (const kind of ["ALL", "RURAL", "COASTAL"] as const) {
        for (const level of [null, "LOCAL_AUTHORITY", "DISTRICT"] as const) {
          const data = dataOf(await api().execute(GapsListedOnceDocument, { kind, level, supply }));
          const list = data.supportGaps;
          const codes = list.map((gap) => gap.area.code);
          const names = list.map((gap) => gap.area.name);

          expect(new Set(codes).size, `${supply} ${kind} ${level}`).toBe(codes.length);
          expect(new Set(names).size, `${supply} ${kind} ${level}`).toBe(names.length);
          for (const gap of list) {
            expect(gap.supplyMode).toBe(supply);
            expect(gap.explanations.map((line) => line.figure)).toContain("gapIndex");
          }
        }
      }
    }
  });
});

describe("isolatedSchools", () => {
  it("when isolated schools are listed, then none is in a partnership, neediest first", async () => {
    const data = dataOf(await api().execute(GapsIsolatedSchoolsDocument, { first: 30 }));

    expect(data.isolatedSchools.length).toBeGreaterThan(0);
    for (const isolated of data.isolatedSchools) {
      expect(isolated.school?.memberships).toEqual([]);
      expect(isolated.nearestLeaderKm === null || isolated.nearestLeaderKm > 0).toBe(true);
    }
    const bands = data.isolatedSchools.map((s) => s.needBand ?? 5);
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
  });
});

describe("gapSensitivity", () => {
  it("when thresholds move by 10 %, then each parameter is tried both ways and entering and leaving balance", async () => {
    const data = dataOf(
      await api().execute(GapsSensitivityDocument, { level: "LOCAL_AUTHORITY", top: 10 }),
    );
    const result = data.gapSensitivity;

    expect(result).toMatchObject({ top: 10, change: 0.1 });
    expect(result.baseline).toHaveLength(10);
    expect(result.scenarios.map((s) => `${s.parameter} ${s.factor}`)).toEqual([
      "REACH_KM 0.9",
      "REACH_KM 1.1",
      "LEADER_CAPACITY 0.9",
      "LEADER_CAPACITY 1.1",
      "PARTNERSHIP_CREDIT 0.9",
      "PARTNERSHIP_CREDIT 1.1",
      "AREA_SHARE 0.9",
      "AREA_SHARE 1.1",
      "COAST_DISTANCE_KM 0.9",
      "COAST_DISTANCE_KM 1.1",
    ]);
    for (const scenario of result.scenarios) {
      expect(scenario.entering.length).toBe(scenario.leaving.length);
    }
    const baseline = new Set(result.baseline.map((gap) => gap.area.code));
    expect(result.robust.every((gap) => baseline.has(gap.area.code))).toBe(true);
  });

  it("when change is out of range, then BAD_USER_INPUT names it", async () => {
    const result = await api().execute(GapsSensitivityDocument, { change: 0.5 });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "change",
    });
  });
});

describe("convertorAcademiesSupport", () => {
  it("when a region's convertors are counted, then the shares add up and every academy listed is a convertor", async () => {
    const data = dataOf(
      await api().execute(GapsConvertorAcademiesDocument, { regionCode: "E12000008" }),
    );
    const result = data.convertorAcademiesSupport;

    expect(result.region?.code).toBe("E12000008");
    expect(result.convertors).toBeGreaterThan(100);
    expect(result.withSystemLeader).toBeLessThanOrEqual(result.convertors);
    expect(result.supportingShare).toBeCloseTo(result.supporting / result.convertors);
    for (const academy of result.academies) {
      expect(academy).toMatchObject({
        supporting: false,
        school: { governance: "ACADEMY_CONVERTER", region: { code: "E12000008" } },
      });
    }
  });
});

describe("School.need", () => {
  it("when a school's need is read, then it carries its band, reasons with figures and the versions used", async () => {
    const { records } = await api().db.driver.executeQuery(
      "MATCH (s:School) WHERE s.needBand = 1 RETURN s.urn AS urn ORDER BY urn LIMIT 1",
    );
    const urn = Number(records[0]?.get("urn"));

    const data = dataOf(await api().execute(GapsSchoolNeedDocument, { urn }));

    expect(data.school?.need?.band).toBe(1);
    expect(data.school?.need?.points).toBeGreaterThanOrEqual(4);
    expect(data.school?.need?.reasons.length).toBeGreaterThan(0);
    expect(data.school?.need?.familyVersion).toBeGreaterThanOrEqual(1);
    expect(data.school?.need?.ruleVersion).toBe(NEED_RULE_VERSION);
  });

  it("when Bankside Primary, Leeds (107901) was judged in February 2025, then its Ofsted reason names the key judgement and the date", async () => {
    const data = dataOf(await api().execute(GapsSchoolNeedDocument, { urn: 107901 }));

    expect(data.school?.ofsted).toEqual({
      inspectedOn: "2025-02-04",
      gradeBasis: "LOWEST_KEY_JUDGEMENT",
    });
    expect(data.school?.need?.reasons).toContainEqual({
      code: "OFSTED_REQUIRES_IMPROVEMENT",
      detail:
        "Ofsted: Requires improvement in at least one key judgement (grade 3; no overall grade " +
        "since September 2024), inspected 4 February 2025",
    });
  });
});
