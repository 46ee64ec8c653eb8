/**
 * System leaders, schoolsToSupport and supportAssignments against the full England data, with
 * the bundled Teaching School Hubs, the synthetic designations and need bands in place.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  SystemLeaderCandidatesDocument,
  SystemLeaderDetailDocument,
  SystemLeaderEngagementsSeenDocument,
  SystemLeaderIdOnlyDocument,
  SystemLeaderOpenEngagementsDocument,
  SystemLeaderSchoolEngagementsSeenDocument,
  SystemLeaderSupportPlanDocument,
  SystemLeadersCountDocument,
  SystemLeadersGeneratedDocument,
  SystemLeadersNamedDocument,
  SystemLeadersPageDocument,
  type SystemLeaderCandidatesQuery,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";
import type { TokenClaims } from "../../src/auth/tokens.js";

const api = useApi();

/** Five Counties hub: lead school URN 149948 converted after the census, so it is based at 109164. */
const FIVE_COUNTIES_HUB = "tsh-sw6";
const SOUTH_WEST = "E12000009";

/** A school offered to a leader: always an open school, so its record is there. */
type Candidate = SystemLeaderCandidatesQuery["schoolsToSupport"][number] & {
  school: { urn: number; name: string };
};

async function candidates(id: string, first = 20): Promise<Candidate[]> {
  const data = dataOf(await api().execute(SystemLeaderCandidatesDocument, { id, first }));
  return data.schoolsToSupport.map(({ school, ...candidate }) => {
    if (!school) throw new Error(`Candidate ${candidate.urn} has no school record.`);
    return { ...candidate, school };
  });
}

/** Engagements this file creates, removed after each test whatever happens. */
const created: string[] = [];

afterEach(async () => {
  if (created.length === 0) return;
  await query(api().db, "MATCH ()-[r:SUPPORTS]->() WHERE r.id IN $ids DELETE r", {
    ids: created.splice(0),
  });
});

beforeAll(async () => {
  const { records } = await api().db.driver.executeQuery(
    "MATCH (s:School) WHERE s.needBand IS NOT NULL RETURN count(s) AS banded",
  );
  if (Number(records[0]?.get("banded")) === 0) {
    throw new Error("No need bands in the test database: run `npm run need-bands` first.");
  }
});

describe("systemLeader and systemLeaders", () => {
  it("when a Teaching School Hub is asked for, then it is held by its lead school, serves any phase and cites the DfE list", async () => {
    const data = dataOf(await api().execute(SystemLeaderDetailDocument, { id: FIVE_COUNTIES_HUB }));

    expect(data).toEqual({
      systemLeader: {
        id: FIVE_COUNTIES_HUB,
        designation: "TEACHING_SCHOOL_HUB",
        name: "Five Counties Teaching School Hubs Alliance (South Glos/BANES)",
        phase: null,
        capacity: 10,
        availableCapacity: 10,
        synthetic: false,
        holder: null,
        // The DfE list names 149948, the successor of the census school 109164, now a school itself.
        baseSchool: { urn: 149948 },
        region: { code: SOUTH_WEST },
        source: { id: "dfe-teaching-school-hubs" },
      },
    });
  });

  it("when an unknown id is asked for, then the leader is null and there is no error", async () => {
    const result = await api().execute(SystemLeaderIdOnlyDocument, { id: "no-such-leader" });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ systemLeader: null });
  });

  it("when synthetic NLEs of a region are listed, then each is marked with its generator and held by a person, never an invented name", async () => {
    const { systemLeaders } = dataOf(
      await api().execute(SystemLeadersGeneratedDocument, {
        regionCode: SOUTH_WEST,
        designation: "NLE",
        first: 50,
      }),
    );

    expect(systemLeaders.totalCount).toBeGreaterThan(10);
    for (const { node } of systemLeaders.edges) {
      expect(node).toMatchObject({
        designation: "NLE",
        synthetic: true,
        region: { code: SOUTH_WEST },
      });
      expect(node.generator).toEqual({
        name: "dfe-criteria-system-leaders",
        version: 1,
        seed: 2024,
      });
      if (node.holder?.synthetic) expect(node.holder.name).toMatch(/^Headteacher of /);
    }
  });

  it("when pages are followed, then they join up in name order without repeats", async () => {
    const page = async (after: string | null) =>
      dataOf(
        await api().execute(SystemLeadersPageDocument, {
          regionCode: "E12000001",
          first: 7,
          after,
        }),
      );

    const first = await page(null);
    const second = await page(first.systemLeaders.pageInfo.endCursor);
    const nodes = [...first.systemLeaders.edges, ...second.systemLeaders.edges].map((e) => e.node);
    const sorted = [...nodes].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );

    expect(first.systemLeaders.pageInfo.hasNextPage).toBe(true);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(14);
    expect(nodes.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
  });
});

describe("systemLeaders by name", () => {
  it("when a name is searched, then leaders whose own or base school's name holds it come back, ignoring case, counted as the graph counts them", async () => {
    const { systemLeaders } = dataOf(
      await api().execute(SystemLeadersNamedDocument, { nameContains: "  ALDGATE ", first: 100 }),
    );
    const [row] = await api()
      .db.driver.executeQuery(
        `MATCH (l:SystemLeader) WHERE toLower(l.name) CONTAINS "aldgate"
         OR EXISTS { MATCH (l)-[:BASED_AT]->(s:School) WHERE toLower(s.name) CONTAINS "aldgate" }
       RETURN count(l) AS n`,
      )
      .then((result) => result.records);

    expect(systemLeaders.totalCount).toBe(Number(row!.get("n")));
    expect(systemLeaders.totalCount).toBeGreaterThan(0);
    for (const { node } of systemLeaders.edges) {
      expect(`${node.name} ${node.baseSchool?.name ?? ""}`.toLowerCase()).toContain("aldgate");
    }
  });

  it("when a town is searched, then the leaders based at its schools come back, none from elsewhere", async () => {
    const { systemLeaders } = dataOf(
      await api().execute(SystemLeadersNamedDocument, { nameContains: "Blackpool", first: 100 }),
    );

    expect(systemLeaders.totalCount).toBeGreaterThan(5);
    for (const { node } of systemLeaders.edges) {
      const place = [node.name, node.baseSchool?.town, node.baseSchool?.localAuthority?.name];
      expect(place.join(" ").toLowerCase()).toContain("blackpool");
    }
  });

  it("when the text is one character, then it is BAD_USER_INPUT naming the argument", async () => {
    const result = await api().execute(SystemLeadersCountDocument, { nameContains: "a" });

    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("`nameContains`");
  });
});

describe("schoolsToSupport", () => {
  it("when a hub asks, then schools in need come back best first, each with its need, fit and reach explained", async () => {
    const list = await candidates(FIVE_COUNTIES_HUB, 10);

    expect(list.length).toBe(10);
    for (const candidate of list) {
      // Named from the in-memory snapshot, as the school's own record names it.
      expect([candidate.urn, candidate.name]).toEqual([
        candidate.school.urn,
        candidate.school.name,
      ]);
      expect(candidate.needBand).toBeLessThanOrEqual(3);
      expect(candidate.reasons.map((r) => r.factor)).toEqual(["NEED", "FIT", "REACH"]);
      const product = candidate.reasons.reduce((score, reason) => score * reason.value, 1);
      expect(candidate.score).toBeCloseTo(product);
    }
    const scores = list.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("when a school already has an open engagement, then the leader is never offered it", async () => {
    const before = await candidates(FIVE_COUNTIES_HUB, 5);
    const target = before[0]!.school.urn;
    const id = `test-supports-${randomUUID()}`;
    created.push(id);

    // Recorded by another leader: the school is being supported, whoever supports it.
    await query(
      api().db,
      `MATCH (l:SystemLeader {id: "tsh-sw1"}), (s:School {urn: $urn})
       CREATE (l)-[:SUPPORTS {id: $id, start: date(), focus: "test"}]->(s)`,
      { urn: target, id },
    );
    const after = await candidates(FIVE_COUNTIES_HUB, 100);

    expect(after.map((c) => c.school.urn)).not.toContain(target);
    const { records } = await api().db.driver.executeQuery(
      "MATCH ()-[r:SUPPORTS {id: $id}]->(s:School) RETURN s.urn AS urn",
      { id },
    );
    expect(records.map((r) => Number(r.get("urn")))).toEqual([target]);
  });

  it("when an engagement is open, then it counts against the leader's capacity", async () => {
    const [school] = await candidates(FIVE_COUNTIES_HUB, 1);
    const id = `test-supports-${randomUUID()}`;
    created.push(id);
    await query(
      api().db,
      `MATCH (l:SystemLeader {id: $leader}), (s:School {urn: $urn})
       CREATE (l)-[:SUPPORTS {id: $id, start: date() - duration('P30D')}]->(s)`,
      { leader: FIVE_COUNTIES_HUB, urn: school!.school.urn, id },
    );

    const data = dataOf(
      await api().execute(
        SystemLeaderOpenEngagementsDocument,
        { id: FIVE_COUNTIES_HUB },
        { token: await testToken({ role: "ADMIN", sub: "test-system-leaders-admin" }) },
      ),
    );

    expect(data).toEqual({
      systemLeader: {
        capacity: 10,
        openEngagements: 1,
        availableCapacity: 9,
        engagements: [{ id, open: true, school: { urn: school!.school.urn } }],
      },
    });
  });

  it("when the leader is unknown, then NOT_FOUND names systemLeaderId", async () => {
    const result = await api().execute(SystemLeaderCandidatesDocument, { id: "no-such-leader" });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "systemLeaderId",
    });
    expect(result.errors?.[0]?.message).toContain("no-such-leader");
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ maxDistanceKm: -5 }, "maxDistanceKm"],
    [{ maxDistanceKm: 1_000 }, "maxDistanceKm"],
  ])("when given %o, then BAD_USER_INPUT names %s", async (variables, argument) => {
    const result = await api().execute(SystemLeaderCandidatesDocument, {
      id: FIVE_COUNTIES_HUB,
      ...variables,
    });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(result.errors?.[0]?.message).toContain(`\`${argument}\``);
  });
});

describe("who sees support engagements", () => {
  /** Another South West hub, so a school's list holds an engagement a caller may not read. */
  const OTHER_HUB = "tsh-sw1";
  const OUT_OF_REGION = "E12000007";

  let supported = 0;
  let supportedRegion = "";
  let own = "";
  let other = "";

  beforeAll(async () => {
    const [target] = await candidates(FIVE_COUNTIES_HUB, 1);
    supported = target!.school.urn;
    const { records } = await api().db.driver.executeQuery(
      "MATCH (s:School {urn: $urn}) RETURN s.regionCode AS region",
      { urn: supported },
    );
    supportedRegion = String(records[0]?.get("region"));
    expect(supportedRegion).toMatch(/^E12\d{6}$/);
    expect(supportedRegion).not.toBe(OUT_OF_REGION);
  });

  /** The hub's and the other hub's engagements with the school, removed after each test. */
  async function recordBoth(): Promise<void> {
    own = `test-supports-${randomUUID()}`;
    other = `test-supports-${randomUUID()}`;
    created.push(own, other);
    await query(
      api().db,
      `UNWIND $rows AS row
       MATCH (l:SystemLeader {id: row.leader}), (s:School {urn: $urn})
       CREATE (l)-[:SUPPORTS {id: row.id, start: date() - duration('P30D'), focus: "test"}]->(s)`,
      {
        urn: supported,
        rows: [
          { leader: FIVE_COUNTIES_HUB, id: own },
          { leader: OTHER_HUB, id: other },
        ],
      },
    );
  }

  const callers: [string, () => TokenClaims | null, () => string[], () => string[]][] = [
    // [caller, claims, the hub's engagements it sees, the school's engagements it sees]
    ["ANONYMOUS", () => null, () => [], () => []],
    [
      "SCHOOL supported",
      () => ({ role: "SCHOOL", sub: "test-sl-school", urn: supported }),
      () => [own],
      () => [own, other],
    ],
    [
      "SCHOOL the hub is based at",
      () => ({ role: "SCHOOL", sub: "test-sl-school", urn: 109164 }),
      () => [],
      () => [],
    ],
    [
      "SYSTEM_LEADER the hub",
      () => ({ role: "SYSTEM_LEADER", sub: "test-sl-leader", systemLeaderId: FIVE_COUNTIES_HUB }),
      () => [own],
      () => [own],
    ],
    [
      "SYSTEM_LEADER another hub",
      () => ({ role: "SYSTEM_LEADER", sub: "test-sl-leader", systemLeaderId: OTHER_HUB }),
      () => [],
      () => [other],
    ],
    [
      "OVERSIGHT of the school's region",
      () => ({ role: "OVERSIGHT", sub: "test-sl-oversight", regionCodes: [supportedRegion] }),
      () => [own],
      () => [own, other],
    ],
    [
      "OVERSIGHT of another region",
      () => ({ role: "OVERSIGHT", sub: "test-sl-oversight", regionCodes: [OUT_OF_REGION] }),
      () => [],
      () => [],
    ],
    ["ADMIN", () => ({ role: "ADMIN", sub: "test-sl-admin" }), () => [own], () => [own, other]],
  ];

  it.each(callers)(
    "when %s asks, then it sees only the engagements it may read and the counts stay whole",
    async (_, claims, hubSees, schoolSees) => {
      await recordBoth();
      const c = claims();
      const options = c === null ? {} : { token: await testToken(c) };

      const leader = dataOf(
        await api().execute(
          SystemLeaderEngagementsSeenDocument,
          { id: FIVE_COUNTIES_HUB },
          options,
        ),
      );
      const school = dataOf(
        await api().execute(SystemLeaderSchoolEngagementsSeenDocument, { urn: supported }, options),
      );

      expect(leader.systemLeader).toMatchObject({ openEngagements: 1, availableCapacity: 9 });
      expect(leader.systemLeader!.engagements).toEqual(
        hubSees().map((id) => ({ id, school: { urn: supported } })),
      );
      expect(school.school!.supportEngagements.map((e) => e.id).sort()).toEqual(
        schoolSees().sort(),
      );
      const { records } = await api().db.driver.executeQuery(
        "MATCH ()-[r:SUPPORTS]->(:School {urn: $urn}) WHERE r.id IN $ids RETURN count(r) AS n",
        { urn: supported, ids: [own, other] },
      );
      expect(Number(records[0]?.get("n"))).toBe(2);
    },
  );
});

describe("supportAssignments", () => {
  it("when the South West is planned, then no leader exceeds its free places, no school is planned twice and the leftover need adds up", async () => {
    const { supportAssignments: plan } = dataOf(
      await api().execute(SystemLeaderSupportPlanDocument, { region: SOUTH_WEST }),
    );

    expect(plan.region?.code).toBe(SOUTH_WEST);
    expect(plan.method).toMatch(/minimum-cost flow/i);
    expect(plan.assignedSchools).toBeGreaterThan(0);
    const load = new Map<string, { used: number; free: number }>();
    for (const a of plan.assignments) {
      const entry = load.get(a.systemLeader!.id) ?? {
        used: 0,
        free: a.systemLeader!.availableCapacity,
      };
      entry.used += 1;
      load.set(a.systemLeader!.id, entry);
    }
    for (const { used, free } of load.values()) expect(used).toBeLessThanOrEqual(free);
    expect(new Set(plan.assignments.map((a) => a.school!.urn)).size).toBe(plan.assignments.length);
    const unmetSchools = plan.unmet.reduce((sum, u) => sum + u.needSchools, 0);
    const unmetWeight = plan.unmet.reduce((sum, u) => sum + u.needWeight, 0);
    expect(plan.assignedSchools + unmetSchools).toBe(plan.needSchools);
    expect(plan.coveredWeight + unmetWeight).toBe(plan.needWeight);
  });

  it("when the region is unknown, then NOT_FOUND; when malformed, then BAD_USER_INPUT", async () => {
    const unknown = await api().execute(SystemLeaderSupportPlanDocument, { region: "E12000099" });
    const malformed = await api().execute(SystemLeaderSupportPlanDocument, {
      region: "South West",
    });

    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "regionCode",
    });
    expect(unknown.errors?.[0]?.message).toContain("E12000009 (South West)");
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "regionCode",
    });
  });
});
