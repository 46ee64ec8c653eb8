/**
 * REAL and MODELLED supply against the full England data: every supply-reading answer says which
 * it used, and REAL never counts a synthetic designation (checked against the graph).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  SupplyAssignmentsOfRegionDocument,
  SupplyConvertorsIsolationAndSensitivityDocument,
  SupplyGapsAtLevelDocument,
  SupplyGapsUnnamedDocument,
  SupplyHubAreasDocument,
  SupplySchoolsToSupportDocument,
  type AreaLevel,
  type SupplyGapsAtLevelQuery,
  type SupplyMode,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

/** Synthetic designations and real person designations, read from the graph. */
let synthetic: Set<string>;
let realPersons: number;
let hubs: number;
let syntheticId: string;

beforeAll(async () => {
  const { records } = await api().db.driver.executeQuery(
    "MATCH (l:SystemLeader) RETURN l.id AS id, l.synthetic AS synthetic, l.designation AS designation",
  );
  synthetic = new Set(
    records.filter((r) => r.get("synthetic") !== false).map((r) => String(r.get("id"))),
  );
  realPersons = records.filter(
    (r) => r.get("synthetic") === false && r.get("designation") !== "TEACHING_SCHOOL_HUB",
  ).length;
  hubs = records.filter((r) => r.get("designation") === "TEACHING_SCHOOL_HUB").length;
  syntheticId = [...synthetic].sort()[0] ?? "";
});

type Gap = SupplyGapsAtLevelQuery["supportGaps"][number];

async function gaps(supply: SupplyMode, level: AreaLevel = "LOCAL_AUTHORITY"): Promise<Gap[]> {
  const data = dataOf(await api().execute(SupplyGapsAtLevelDocument, { supply, level }));
  return data.supportGaps;
}

describe("supportGaps by supply", () => {
  it("when no supply is named, then REAL is used and said, and no area counts more person designations than real ones exist", async () => {
    const data = dataOf(await api().execute(SupplyGapsUnnamedDocument));

    expect(data.supportGaps.length).toBeGreaterThan(100);
    for (const gap of data.supportGaps) {
      expect(gap.supplyMode).toBe("REAL");
      expect(gap.leadersWithinReach).toBeLessThanOrEqual(realPersons);
    }
  });

  it("when MODELLED is asked for, then every area has at least REAL's supply and coverage", async () => {
    const [real, modelled] = await Promise.all([gaps("REAL"), gaps("MODELLED")]);
    const byCode = new Map(modelled.map((gap) => [gap.area.code, gap]));

    expect(modelled.every((gap) => gap.supplyMode === "MODELLED")).toBe(true);
    for (const gap of real) {
      const other = byCode.get(gap.area.code)!;
      expect(other.coverage).toBeGreaterThanOrEqual(gap.coverage - 1e-9);
      expect(other.trustSupply).toBeCloseTo(gap.trustSupply);
      expect(gap.hubsWithinReach).toBeLessThanOrEqual(1);
    }
    if (synthetic.size > 0) {
      expect(modelled.some((gap) => gap.leadersWithinReach > realPersons)).toBe(true);
    }
  });
});

describe("the other supply-reading answers", () => {
  it("when assignments are made under REAL, then no synthetic designation is assigned; under MODELLED they may be", async () => {
    const real = dataOf(
      await api().execute(SupplyAssignmentsOfRegionDocument, {
        regionCode: "E12000002",
        supply: "REAL",
      }),
    );
    const modelled = dataOf(
      await api().execute(SupplyAssignmentsOfRegionDocument, {
        regionCode: "E12000002",
        supply: "MODELLED",
      }),
    );

    expect(real.supportAssignments.supplyMode).toBe("REAL");
    expect(real.supportAssignments.assignments.length).toBeGreaterThan(0);
    for (const assignment of real.supportAssignments.assignments) {
      expect(synthetic.has(assignment.systemLeader!.id)).toBe(false);
    }
    expect(modelled.supportAssignments.supplyMode).toBe("MODELLED");
    expect(modelled.supportAssignments.leaders).toBeGreaterThanOrEqual(
      real.supportAssignments.leaders,
    );
  });

  it("when convertors, isolation and sensitivity are asked under REAL, then each says so and lists no synthetic leader", async () => {
    const data = dataOf(
      await api().execute(SupplyConvertorsIsolationAndSensitivityDocument, {
        regionCode: "E12000008",
        supply: "REAL",
      }),
    );

    expect(data.convertorAcademiesSupport.supplyMode).toBe("REAL");
    for (const academy of data.convertorAcademiesSupport.academies) {
      for (const leader of academy.systemLeaders) expect(synthetic.has(leader.id)).toBe(false);
    }
    for (const school of data.isolatedSchools) {
      expect(school.supplyMode).toBe("REAL");
      if (school.nearestLeader) expect(synthetic.has(school.nearestLeader.id)).toBe(false);
    }
    expect(data.gapSensitivity.supplyMode).toBe("REAL");
    expect(data.gapSensitivity.baseline.every((gap) => gap.supplyMode === "REAL")).toBe(true);
  });

  it("when a synthetic leader's schools are asked for under REAL, then BAD_USER_INPUT names supply; under MODELLED they come", async () => {
    if (syntheticId === "") return;
    const real = await api().execute(SupplySchoolsToSupportDocument, {
      id: syntheticId,
      supply: "REAL",
    });
    const modelled = dataOf(
      await api().execute(SupplySchoolsToSupportDocument, { id: syntheticId, supply: "MODELLED" }),
    );

    expect(real.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(real.errors?.[0]?.message).toMatch(/synthetic.*MODELLED/);
    expect(modelled.schoolsToSupport.every((c) => c.supplyMode === "MODELLED")).toBe(true);
  });

  it("when hubs are read, then every LA with schools is served by exactly one hub and each hub says how", async () => {
    const data = dataOf(
      await api().execute(SupplyHubAreasDocument, {
        designation: "TEACHING_SCHOOL_HUB",
        first: 100,
      }),
    );
    const served = data.systemLeaders.edges.flatMap((edge) =>
      edge.node.hubArea!.served.map((area) => area.laCode),
    );
    const { records } = await api().db.driver.executeQuery(
      "MATCH (s:School) WHERE s.stateFunded = true AND s.location IS NOT NULL RETURN DISTINCT s.laCode AS code",
    );
    const withSchools = records.map((r) => Number(r.get("code")));

    expect(data.systemLeaders.edges.length).toBe(hubs);
    // A hub based outside its region group says so, and then serves only LAs its name names.
    for (const { node } of data.systemLeaders.edges) {
      if (node.region?.code !== node.hubArea!.regionGroup) {
        expect(node.hubArea!.leadSchoolInArea).toBe(false);
        expect(node.hubArea!.served.every((area) => area.method === "NAMED")).toBe(true);
      }
    }
    expect(new Set(served).size).toBe(served.length);
    for (const code of withSchools) expect(served).toContain(code);
  });
});
