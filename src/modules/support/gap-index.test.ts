import { describe, expect, it } from "vitest";
import type { AreaGap, SupportSnapshot } from "./gap.model.js";
import {
  buildReachIndex,
  computeGaps,
  hasLeaderInReach,
  LeaderGrid,
  rankGaps,
  type GapParameters,
} from "./gap-index.js";
import { DEFAULT_GAP_PARAMETERS } from "./support.rules.js";
import { sensitivityScenarios, topChanges } from "./sensitivity.js";
import { fixtureLeader, fixtureSchool, fixtureSnapshot, north } from "./support.fixture.js";

function gaps(snapshot: SupportSnapshot, parameters: GapParameters = DEFAULT_GAP_PARAMETERS) {
  const grid = new LeaderGrid(snapshot.leaders);
  const index = buildReachIndex(snapshot, grid, 1.25);
  return computeGaps(snapshot, index, parameters);
}

function area(result: ReturnType<typeof gaps>, code: string): AreaGap {
  const found = result.areas.find((gap) => gap.area.code === code);
  if (!found) throw new Error(`no area ${code}`);
  return found;
}

const LINCOLNSHIRE = "E10000019";

describe("computeGaps", () => {
  it("when a need school has a leader with a free place within reach, then its need is met and the gap is 0", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 }), fixtureSchool({ urn: 2 })],
      [fixtureLeader({ id: "a", latitude: north(10) })],
    );

    const la = area(gaps(snapshot), LINCOLNSHIRE);

    expect(la).toMatchObject({
      totalSchools: 2,
      needSchools: 1,
      needPupils: 200,
      supply: 1,
      leadersWithinReach: 1,
      coverage: 1,
      unmetNeed: 0,
      gapIndex: 0,
    });
  });

  it("when two band-2 schools share a leader with one place, then each gets half a place and one school's need is unmet", () => {
    const snapshot = fixtureSnapshot(
      [
        fixtureSchool({ urn: 1, needBand: 2 }),
        fixtureSchool({ urn: 2, needBand: 2, latitude: north(2) }),
        fixtureSchool({ urn: 3 }),
        fixtureSchool({ urn: 4 }),
      ],
      [fixtureLeader({ id: "a", latitude: north(5) })],
    );

    const la = area(gaps(snapshot), LINCOLNSHIRE);

    expect(la.supply).toBeCloseTo(1);
    expect(la.unmetNeed).toBeCloseTo(1);
    expect(la.coverage).toBeCloseTo(0.5);
    expect(la.gapIndex).toBeCloseTo(25); // 100 × 1 unmet / 4 schools
  });

  it("when a band-1 and a band-2 school share one place, then the band-1 school claims twice the share", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 1 }), fixtureSchool({ urn: 2, needBand: 2 })],
      [fixtureLeader({ id: "a" })],
    );

    const result = gaps(snapshot);

    expect(result.supply.places[0]).toBeCloseTo(2 / 3);
    expect(result.supply.places[1]).toBeCloseTo(1 / 3);
    // Unmet: 2 × (1 − 2/3) + 1 × (1 − 1/3).
    expect(area(result, LINCOLNSHIRE).unmetNeed).toBeCloseTo(4 / 3);
  });

  it("when every place is taken by open engagements, then the leader supplies nothing", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 })],
      [fixtureLeader({ id: "a", capacity: 2, openEngagements: 2 })],
    );

    expect(area(gaps(snapshot), LINCOLNSHIRE)).toMatchObject({ supply: 0, unmetNeed: 1 });
  });

  it("when a need school with no leader in reach is in a partnership, then half its need counts as met", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2, inPartnership: true })],
      [],
    );

    expect(area(gaps(snapshot), LINCOLNSHIRE)).toMatchObject({
      coverage: 0.5,
      unmetNeed: 0.5,
      partnershipRate: 1,
    });
  });

  it("when an LLE is 20 km away, then it reaches a rural school (22.5 km) but not an urban one (15 km)", () => {
    const leader = fixtureLeader({ id: "a", latitude: north(20) });
    const rural = fixtureSnapshot([fixtureSchool({ urn: 1, needBand: 2, rural: true })], [leader]);
    const urban = fixtureSnapshot([fixtureSchool({ urn: 1, needBand: 2 })], [leader]);

    expect(area(gaps(rural), LINCOLNSHIRE).unmetNeed).toBe(0);
    expect(area(gaps(urban), LINCOLNSHIRE).unmetNeed).toBe(1);
  });

  it("when a leader works in another phase, then it does not count for the school", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 })],
      [
        fixtureLeader({ id: "a", phase: "SECONDARY" }),
        fixtureLeader({
          id: "hub",
          phase: null,
          designation: "TEACHING_SCHOOL_HUB",
          latitude: north(30),
        }),
      ],
    );

    const la = area(gaps(snapshot), LINCOLNSHIRE);

    expect(la).toMatchObject({ leadersWithinReach: 0, hubsWithinReach: 1, unmetNeed: 0 });
  });

  it("when reach is cut by 10 %, then a leader just inside the rule's reach no longer counts", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 })],
      [fixtureLeader({ id: "a", latitude: north(14) })],
    );

    const shorter = gaps(snapshot, { ...DEFAULT_GAP_PARAMETERS, reachFactor: 0.9 });

    expect(area(gaps(snapshot), LINCOLNSHIRE).unmetNeed).toBe(0);
    expect(area(shorter, LINCOLNSHIRE).unmetNeed).toBe(1);
  });

  it("when most of a district's schools are rural or within 5 km of the coast, then it is rural or coastal", () => {
    const snapshot = fixtureSnapshot(
      [
        fixtureSchool({ urn: 1, rural: true, coastDistanceKm: 2 }),
        fixtureSchool({ urn: 2, rural: true, coastDistanceKm: 6 }),
        fixtureSchool({ urn: 3, rural: false, coastDistanceKm: 4.5 }),
      ],
      [],
    );

    const district = area(gaps(snapshot), "E07000142");
    const wider = area(gaps(snapshot, { ...DEFAULT_GAP_PARAMETERS, coastKm: 6.5 }), "E07000142");

    expect(district).toMatchObject({ rural: true, coastal: true, ruralShare: 2 / 3 });
    expect(district.coastalShare).toBeCloseTo(2 / 3);
    expect(wider.coastalShare).toBe(1);
  });
});

describe("rankGaps", () => {
  const snapshot = fixtureSnapshot(
    [
      // Lincolnshire (2 of 5 schools rural): rural West Lindsey with unmet need, urban Lincoln.
      fixtureSchool({ urn: 1, needBand: 1, rural: true }),
      fixtureSchool({ urn: 2, rural: true }),
      ...[3, 6, 7].map((urn) =>
        fixtureSchool({ urn, districtCode: "E07000138", districtName: "Lincoln" }),
      ),
      // Norfolk, a unitary-like LA of one district: urban with some unmet need.
      fixtureSchool({
        urn: 4,
        needBand: 2,
        laCode: 926,
        regionCode: "E12000006",
        districtCode: "E07000148",
        districtName: "Norwich",
      }),
      fixtureSchool({
        urn: 5,
        laCode: 926,
        regionCode: "E12000006",
        districtCode: "E07000148",
        districtName: "Norwich",
      }),
    ],
    [],
  );
  const areas = gaps(snapshot).areas;

  it("when only rural areas are asked for, then every area returned is rural", () => {
    const ranked = rankGaps(areas, { regionCode: null, kind: "RURAL", level: null });

    expect(ranked.map((gap) => gap.area.name)).toEqual(["West Lindsey"]);
    expect(ranked.every((gap) => gap.rural)).toBe(true);
  });

  it("when LOCAL_AUTHORITY is asked for, then only LAs come back, highest gap first", () => {
    const ranked = rankGaps(areas, { regionCode: null, kind: "ALL", level: "LOCAL_AUTHORITY" });

    expect(ranked.map((gap) => [gap.area.name, gap.gapIndex])).toEqual([
      ["Norfolk", (100 * 1) / 2],
      ["Lincolnshire", (100 * 2) / 5],
    ]);
  });

  it("when no level is given, then a district that is its whole LA is listed once, as the LA", () => {
    const ranked = rankGaps(areas, { regionCode: null, kind: "ALL", level: null });

    expect(ranked.map((gap) => gap.area.name)).toEqual([
      "West Lindsey",
      "Norfolk",
      "Lincolnshire",
      "Lincoln",
    ]);
  });

  it("when a region is given, then only its areas come back", () => {
    const ranked = rankGaps(areas, { regionCode: "E12000006", kind: "ALL", level: "DISTRICT" });

    expect(ranked.map((gap) => gap.area.code)).toEqual(["E07000148"]);
  });
});

describe("hasLeaderInReach", () => {
  it("when the only leader is beyond reach or of another phase, then the school has none", () => {
    const school = fixtureSchool({ urn: 1 });
    const far = fixtureSnapshot([school], [fixtureLeader({ id: "a", latitude: north(16) })]);
    const near = fixtureSnapshot([school], [fixtureLeader({ id: "a", latitude: north(14) })]);
    const otherPhase = fixtureSnapshot([school], [fixtureLeader({ id: "a", phase: "SPECIAL" })]);

    expect(hasLeaderInReach(new LeaderGrid(far.leaders), far, school, "REAL")).toBe(false);
    expect(hasLeaderInReach(new LeaderGrid(near.leaders), near, school, "REAL")).toBe(true);
    expect(hasLeaderInReach(new LeaderGrid(otherPhase.leaders), otherPhase, school, "REAL")).toBe(
      false,
    );
  });
});

describe("sensitivity", () => {
  it("when thresholds move by 10 %, then each parameter is tried down then up", () => {
    const scenarios = sensitivityScenarios(DEFAULT_GAP_PARAMETERS, 0.1);

    expect(scenarios.map((s) => [s.parameter, s.factor, s.value])).toEqual([
      ["REACH_KM", 0.9, 0.9],
      ["REACH_KM", 1.1, 1.1],
      ["LEADER_CAPACITY", 0.9, 0.9],
      ["LEADER_CAPACITY", 1.1, 1.1],
      ["PARTNERSHIP_CREDIT", 0.9, 0.45],
      ["PARTNERSHIP_CREDIT", 1.1, 0.55],
      ["AREA_SHARE", 0.9, 0.45],
      ["AREA_SHARE", 1.1, 0.55],
      ["COAST_DISTANCE_KM", 0.9, 4.5],
      ["COAST_DISTANCE_KM", 1.1, 5.5],
    ]);
  });

  it("when a scenario's top differs from the baseline's, then entering and leaving areas are listed", () => {
    const gap = (code: string) => ({ area: { level: "DISTRICT", code, name: code } }) as AreaGap;

    expect(topChanges([gap("a"), gap("b")], [gap("b"), gap("c")])).toEqual({
      entering: [gap("c")],
      leaving: [gap("a")],
    });
  });
});

describe("supply modes", () => {
  it("when the only leader in reach is synthetic, then REAL counts no supply and MODELLED counts it", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 }), fixtureSchool({ urn: 2 })],
      [fixtureLeader({ id: "a", latitude: north(10), synthetic: true })],
    );

    const real = area(gaps(snapshot, { ...DEFAULT_GAP_PARAMETERS, supply: "REAL" }), LINCOLNSHIRE);
    const modelled = area(
      gaps(snapshot, { ...DEFAULT_GAP_PARAMETERS, supply: "MODELLED" }),
      LINCOLNSHIRE,
    );

    expect(real).toMatchObject({ supplyMode: "REAL", supply: 0, leadersWithinReach: 0 });
    expect(modelled).toMatchObject({ supplyMode: "MODELLED", supply: 1, leadersWithinReach: 1 });
  });

  it("when a trust has a strong school, then its members in need get places from it and no one else does", () => {
    const snapshot = fixtureSnapshot(
      [
        fixtureSchool({ urn: 1, needBand: 2, trustId: "t", inPartnership: true }),
        fixtureSchool({ urn: 2, needBand: 1, trustId: "t", inPartnership: true }),
        fixtureSchool({ urn: 3, needBand: 4, ofstedGrade: 1, trustId: "t", inPartnership: true }),
        fixtureSchool({ urn: 4, needBand: 2 }),
      ],
      [],
    );

    const result = gaps(snapshot);
    const la = area(result, LINCOLNSHIRE);

    // One strong school gives one place, shared 1:2 by need weight between urn 1 and urn 2.
    expect(la.trustSupply).toBeCloseTo(1);
    expect(result.supply.trustPlaces[0]).toBeCloseTo(1 / 3);
    expect(result.supply.trustPlaces[1]).toBeCloseTo(2 / 3);
    expect(result.supply.trustPlaces[3]).toBe(0);
  });

  it("when a trust has more strong schools than need, then each member gets no more than its need weight", () => {
    const snapshot = fixtureSnapshot(
      [
        fixtureSchool({ urn: 1, needBand: 2, trustId: "t" }),
        ...[2, 3, 4].map((urn) => fixtureSchool({ urn, ofstedGrade: 2, trustId: "t" })),
      ],
      [],
    );

    expect(gaps(snapshot).supply.trustPlaces[0]).toBe(1);
  });
});
