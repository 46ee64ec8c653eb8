import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../errors/index.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { FeatureIndex } from "../similarity/feature-index.js";
import { profile } from "../similarity/profile.fixture.js";
import type { ImpactDataVersion, ImpactSchool, ImpactSnapshot } from "./evaluation.model.js";
import {
  EvaluationService,
  matchingCaveats,
  partnershipGroupImpact,
  partnershipTypeImpacts,
} from "./evaluation.service.js";
import { ImpactDataStore, PreparedImpactSnapshot } from "./evaluation.store.js";

const VERSION: ImpactDataVersion = { familyVersion: 2 };
const DATA_VERSION = { epoch: "e", version: 1, areas: {}, today: "2026-12-06" };

function school(urn: number, regionCode: string, ks2: Record<string, number>): ImpactSchool {
  return {
    urn,
    regionCode,
    familyId: "f",
    series: {
      // The same figure in two years, so before/after has years to work with.
      KS2_RWM_EXPECTED: new Map(
        Object.entries(ks2).flatMap(([year, v]) => [
          [year, v],
          ["2017/18", v],
        ]),
      ),
      KS4_PROGRESS_8: new Map(),
    },
  };
}

/**
 * One family: 1 (South West) and 2 (London) in MAT a and b, 3 (South West) in federation c,
 * 4 in nothing.
 */
const SNAPSHOT: ImpactSnapshot = {
  version: VERSION,
  schools: [
    school(1, "E12000009", { "2018/19": 60 }),
    school(2, "E12000007", { "2018/19": 70 }),
    school(3, "E12000009", { "2018/19": 50 }),
    school(4, "E12000009", { "2018/19": 40 }),
  ],
  memberships: [
    { urn: 1, partnershipId: "a", joinedOn: "2019-04-01", ended: false },
    { urn: 1, partnershipId: "a2", joinedOn: "2016-09-01", ended: false },
    { urn: 2, partnershipId: "b", joinedOn: null, ended: false },
    { urn: 3, partnershipId: "c", joinedOn: "2015-01-01", ended: false },
  ],
  partnerships: [
    { id: "a", type: "MULTI_ACADEMY_TRUST" },
    { id: "a2", type: "MULTI_ACADEMY_TRUST" },
    { id: "b", type: "MULTI_ACADEMY_TRUST" },
    { id: "c", type: "FEDERATION" },
  ],
  regionCodes: ["E12000007", "E12000009"],
  familyFeatures: ["fsmPercent", "ks2RwmExpected"],
};

const PARTNERSHIP: PartnershipRecord = {
  id: "a",
  name: "Trust A",
  type: "MULTI_ACADEMY_TRUST",
  status: "Open",
  giasUid: null,
  companiesHouseNumber: null,
  openedOn: null,
  sourceId: null,
  memberCount: 1,
};

/**
 * Context for the same schools, FSM only apart: from school 1 (10%) the nearest are 5 (10.5%, not
 * in the snapshot, so with no figures), 4 (11%), 2 (12%) and 3 (30%).
 */
const INDEX = new FeatureIndex(
  [
    [1, 10],
    [2, 12],
    [3, 30],
    [4, 11],
    [5, 10.5],
  ].map(([urn, fsmPercent]) =>
    profile({ urn: urn!, fsmPercent: fsmPercent!, ealPercent: 3, senPercent: 10, idaciScore: 0.1 }),
  ),
);
const NEIGHBOURS = { current: () => Promise.resolve({ index: INDEX, builtAt: 1 }) };

function service(loads: { count: number } = { count: 0 }) {
  const store = new ImpactDataStore(
    {
      loadSnapshot: () => {
        loads.count += 1;
        return Promise.resolve(SNAPSHOT);
      },
    },
    { get: () => Promise.resolve(DATA_VERSION) },
  );
  const partnerships = {
    partnershipById: { load: (id: string) => Promise.resolve(id === "a" ? PARTNERSHIP : null) },
  };
  return new EvaluationService(store, partnerships, NEIGHBOURS);
}

describe("EvaluationService", () => {
  it("when the partnership id is unknown, then NotFoundError names the argument", async () => {
    await expect(service().partnershipImpact("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("when the region is unknown, then NotFoundError", async () => {
    await expect(service().impactByPartnershipType("E99999999")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("when a partnership is asked for, then its members are compared with the rest of their family", async () => {
    const impact = await service().partnershipImpact("a");
    expect(impact.partnership.name).toBe("Trust A");
    expect(impact.members).toBe(1);
    const year = impact.measures[0]!.years[0]!;
    // School 1 (60) against schools 2, 3 and 4 (mean 53.33): members of other partnerships count.
    expect(year).toMatchObject({ n: 1, comparisonSchools: 3, memberMean: 60 });
    expect(year.mean).toBeCloseTo(60 - 160 / 3, 10);
    expect(impact.measures[0]!.verdict).toBe("TOO_FEW_SCHOOLS");
  });

  it("when comparison is CONTEXT_NEIGHBOURS, then the answer says so and why the basis exists", async () => {
    const impact = await service().partnershipImpact("a", "CONTEXT_NEIGHBOURS");
    expect(impact).toMatchObject({ comparison: "CONTEXT_NEIGHBOURS", neighboursPerMember: 20 });
    // Every other school is within 20: 2, 3 and 4 have figures (mean 53.33), 5 has none.
    expect(impact.measures[0]!.years[0]).toMatchObject({ n: 1, comparisonSchools: 3 });
    const caveats = impact.caveats.join(" ");
    expect(caveats).toContain("This basis exists because families are formed partly on outcomes");
    expect(caveats).not.toContain("current families were formed partly on");
    const family = await service().partnershipImpact("a");
    expect(family).toMatchObject({ comparison: "FAMILY", neighboursPerMember: null });
    expect(family.caveats.join(" ")).toContain("comparison: CONTEXT_NEIGHBOURS");
  });

  it("when asked twice with unchanged data, then the snapshot is read once", async () => {
    const loads = { count: 0 };
    const evaluation = service(loads);
    await evaluation.impactByPartnershipType(null);
    await evaluation.impactByPartnershipType("E12000009");
    await evaluation.partnershipImpact("a");
    expect(loads.count).toBe(1);
  });
});

describe("partnershipTypeImpacts", () => {
  const prepared = new PreparedImpactSnapshot(SNAPSHOT);

  it("when a region is given, then members are the type's schools there, compared with schools in no partnership of that type anywhere", () => {
    const [mat, federation] = partnershipTypeImpacts(prepared, "E12000009");
    expect(mat).toMatchObject({ type: "MULTI_ACADEMY_TRUST", members: 1, partnerships: 2 });
    // School 1 (60) against 3 and 4 (mean 45); school 2 is in a MAT, so it is no comparison.
    expect(mat!.measures[0]!.years[0]).toMatchObject({ n: 1, comparisonSchools: 2, mean: 15 });
    expect(federation).toMatchObject({ type: "FEDERATION", members: 1, partnerships: 1 });
  });

  it("when England is asked for, then every member counts and types without members are left out", () => {
    const impacts = partnershipTypeImpacts(prepared, null);
    expect(impacts.map((impact) => impact.type)).toEqual(["MULTI_ACADEMY_TRUST", "FEDERATION"]);
    expect(impacts[0]).toMatchObject({ members: 2, partnerships: 3 });
  });

  it("when a school is in two partnerships of one type, then it counts from the earlier joining date", () => {
    const [mat] = partnershipTypeImpacts(prepared, "E12000009");
    // Joined 2016-09-01, so 2017/18 is after joining too; from 2019-04-01 it would be before.
    expect(mat!.measures[0]!.beforeAfter).toMatchObject({
      verdict: "NO_YEARS_BEFORE_JOINING",
      membersWithYearsAfter: 1,
    });
    const [trustA] = partnershipTypeImpacts(prepared, null).slice(0, 1);
    expect(trustA!.measures[0]!.beforeAfter.membersWithJoinDate).toBe(1);
  });
});

describe("context neighbours", () => {
  const prepared = new PreparedImpactSnapshot(SNAPSHOT);
  const neighbours = (k: number) =>
    ({ basis: "CONTEXT_NEIGHBOURS", index: INDEX, indexVersion: 1, k }) as const;

  it("when k is 2, then a member is compared with its 2 nearest on context, one of them without figures", () => {
    const impact = partnershipGroupImpact(prepared, "a", neighbours(2));
    expect(impact.membersWithComparisonSchools).toBe(1);
    // Nearest are 5 (no figures) and 4 (40): the gap is 60 - 40.
    expect(impact.measures[0]!.years[0]).toMatchObject({
      n: 1,
      comparisonSchools: 1,
      comparisonMean: 40,
      mean: 20,
    });
  });

  it("when a type is asked for, then no school in a partnership of the type is a neighbour", () => {
    const [mat] = partnershipTypeImpacts(prepared, "E12000009", neighbours(2));
    // School 1's nearest outside MATs (2 is in one) are 5 (no figures) and 4.
    expect(mat!.measures[0]!.years[0]).toMatchObject({ n: 1, comparisonSchools: 1, mean: 20 });
    const [wider] = partnershipTypeImpacts(prepared, "E12000009", neighbours(3));
    // With 3: 5, 4 and 3 (50), never 2: mean 45.
    expect(wider!.measures[0]!.years[0]).toMatchObject({ comparisonSchools: 2, mean: 15 });
  });
});

describe("leavers", () => {
  /** School 4 was in trust a and in MAT d, and its notice has run out on both. */
  const prepared = new PreparedImpactSnapshot({
    ...SNAPSHOT,
    memberships: [
      ...SNAPSHOT.memberships,
      { urn: 4, partnershipId: "a", joinedOn: "2015-01-01", ended: true },
      { urn: 4, partnershipId: "d", joinedOn: "2015-01-01", ended: true },
      { urn: 3, partnershipId: "d", joinedOn: "2010-01-01", ended: true },
    ],
    partnerships: [...SNAPSHOT.partnerships, { id: "d", type: "MULTI_ACADEMY_TRUST" }],
  });

  it("when a school has left the partnership, then it is neither a member nor a comparison", () => {
    const impact = partnershipGroupImpact(prepared, "a");
    expect(impact.members).toBe(1);
    // School 1 (60) against 2 and 3 only (mean 60); before the fix 4 (40) counted too.
    expect(impact.measures[0]!.years[0]).toMatchObject({ n: 1, comparisonSchools: 2, mean: 0 });
    expect(impact.caveats[0]).toContain("never schools that have left it");
  });

  it("when schools have left partnerships of a type, then they are no comparison for the type", () => {
    const [mat, federation] = partnershipTypeImpacts(prepared, "E12000009");
    // School 1 in the South West against nobody: 2 is in a MAT, 3 and 4 were.
    expect(mat).toMatchObject({ type: "MULTI_ACADEMY_TRUST", members: 1 });
    expect(mat!.measures[0]!.verdict).toBe("NO_COMPARISON_SCHOOLS");
    // School 3 is still in federation c, and its earlier MAT membership does not make it one.
    expect(federation).toMatchObject({ type: "FEDERATION", members: 1 });
  });

  it("when a member also left an earlier partnership of the type, then it counts from that joining date", () => {
    const withEarlier = new PreparedImpactSnapshot({
      ...SNAPSHOT,
      memberships: [
        ...SNAPSHOT.memberships,
        { urn: 2, partnershipId: "d", joinedOn: "2010-01-01", ended: true },
      ],
      partnerships: [...SNAPSHOT.partnerships, { id: "d", type: "MULTI_ACADEMY_TRUST" }],
    });
    const [mat] = partnershipTypeImpacts(withEarlier, "E12000007");
    // School 2 had no known date in trust b; in the type since 2010, so every year is after.
    expect(mat!.measures[0]!.beforeAfter).toMatchObject({
      membersWithJoinDate: 1,
      membersWithYearsBefore: 0,
      membersWithYearsAfter: 1,
    });
  });
});

describe("matchingCaveats", () => {
  it("when families were formed on an outcome, then a caveat says gaps are pulled towards zero", () => {
    expect(matchingCaveats(["fsmPercent"])).toEqual([]);
    expect(matchingCaveats(["ks2RwmExpected", "ks4Progress8"])[0]).toContain("pulled towards zero");
  });
});
