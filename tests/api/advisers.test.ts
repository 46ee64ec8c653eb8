/**
 * School improvement advisers against the real database, one adviser of each kind per school, on
 * a council the test makes in the West Midlands holding copies of Dudley (332) schools in every
 * need band: advisers are registered and assigned, coverage of the council then counts their
 * schools as advised with the need-weighted figure the graph gives, a second adviser of the same
 * kind is refused with nothing written, a council's officer is refused a school of another
 * council (a South West one of the test's own, with copies of Dorset schools) and a trust's lead
 * a school outside its trust, and every role is tried against every write. Removes everything it
 * made.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdviserAssignDocument,
  AdviserCoverageByLaDocument,
  AdviserLinksOfSchoolDocument,
  AdviserRegisterDocument,
  AdviserSchoolsPageDocument,
  AdviserUnassignDocument,
  type AdviserCoverageByLaQuery,
  type AdviserCoverageByLaQueryVariables,
  type AdviserKind,
  type AdviserRegisterMutation,
  type RegisterAdviserInput,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { regionalWriters } from "../helpers/callers.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";
import type { CypherName } from "../../src/db/cypher.js";

const api = useApi();
const SUBJECT = testSubject("advisers");
const REGION = "E12000005";
const OTHER_REGION = "E12000009";

type Coverage = AdviserCoverageByLaQuery["adviserCoverage"];

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
const oversight = (regionCodes: string[]): Promise<string> =>
  testToken({ role: "OVERSIGHT", sub: `${SUBJECT}-oversight`, regionCodes });

function codeOf(result: OperationResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.["code"];
}

let council: TestArea;
/** The council's schools by need band, in URN order. */
let band1: number[] = [];
let band3: number[] = [];
let band4: number[] = [];

async function register(
  kind: AdviserKind,
  token: string,
  extra: Pick<RegisterAdviserInput, "localAuthorityCode" | "partnershipId"> = {
    localAuthorityCode: council.laCode,
  },
): Promise<OperationResult<AdviserRegisterMutation>> {
  return api().execute(
    AdviserRegisterDocument,
    { input: { name: "Pat Example", kind, organisation: "Test council", ...extra } },
    { token },
  );
}

async function registeredId(
  kind: AdviserKind,
  extra?: Pick<RegisterAdviserInput, "localAuthorityCode" | "partnershipId">,
): Promise<string> {
  const result = await register(kind, await admin(), extra);
  return dataOf(result).registerAdviser.id;
}

async function coverage(
  variables: AdviserCoverageByLaQueryVariables = { la: council.laCode },
): Promise<Coverage> {
  return dataOf(await api().execute(AdviserCoverageByLaDocument, variables)).adviserCoverage;
}

/** Advised and total need weight of the council's state-funded schools, straight from the graph. */
async function graphWeights(): Promise<{ total: number; advised: number; advisedSchools: number }> {
  const [row] = await query<{ total: unknown; advised: unknown; advisedSchools: unknown }>(
    api().db,
    `MATCH (s:School {laCode: $la}) WHERE s.stateFunded = true
     WITH s, CASE s.needBand WHEN 1 THEN 4 WHEN 2 THEN 3 WHEN 3 THEN 2 ELSE 1 END AS w,
       EXISTS { (:Adviser)-[:ADVISES]->(s) } AS advised
     RETURN sum(w) AS total, sum(CASE WHEN advised THEN w ELSE 0 END) AS advised,
       sum(CASE WHEN advised THEN 1 ELSE 0 END) AS advisedSchools`,
    { la: neo4j.int(council.laCode) },
  );
  return {
    total: Number(row?.total),
    advised: Number(row?.advised),
    advisedSchools: Number(row?.advisedSchools),
  };
}

async function advisesCount(adviserId: string): Promise<number> {
  const [row] = await query<{ n: unknown }>(
    api().db,
    "MATCH (:Adviser {id: $id})-[r:ADVISES]->() RETURN count(r) AS n",
    { id: adviserId },
  );
  return Number(row?.n);
}

async function auditCount(action: string, targetId: string): Promise<number> {
  const [row] = await query<{ n: unknown }>(
    api().db,
    "MATCH (e:AuditEvent {action: $action, targetId: $id}) RETURN count(e) AS n",
    { action, id: targetId },
  );
  return Number(row?.n);
}

beforeAll(async () => {
  council = await TestArea.create(api().db, SUBJECT, 332);
  const inBand = (band: number, count: number) =>
    council.schools({ count, where: `t.stateFunded = true AND t.needBand = ${band}` });
  // One at a time: a TestArea numbers each batch of copies after the last. The band-2 schools
  // are never assigned; with the others left free they fill two pages of unadvised schools.
  band1 = await inBand(1, 3);
  await inBand(2, 6);
  band3 = await inBand(3, 3);
  band4 = await inBand(4, 6);
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("registerAdviser and assignAdviser", () => {
  it("when an admin registers a SIP for the council and assigns a band-1 and a band-3 school, then coverage counts them with the graph's weights", async () => {
    // The council's schools are the test's own: none is advised yet.
    const before = await coverage();
    const graphBefore = await graphWeights();
    expect(before.totalWeight).toBe(graphBefore.total);
    expect([before.advised, before.advisedWeight, graphBefore.advised]).toEqual([0, 0, 0]);

    const registered = await register("SCHOOL_IMPROVEMENT_PARTNER", await admin());
    const adviser = dataOf(registered).registerAdviser;
    expect(adviser).toMatchObject({
      kind: "SCHOOL_IMPROVEMENT_PARTNER",
      localAuthority: { code: council.laCode },
    });
    expect(adviser.id).toMatch(/^svc-[0-9a-f-]{36}$/);
    const assigned = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: adviser.id, urns: [band1[0]!, band3[0]!], since: "2026-09-01" } },
      { token: await admin() },
    );
    const after = await coverage();
    const graphAfter = await graphWeights();

    expect(dataOf(assigned)).toEqual({ assignAdviser: { id: adviser.id, schoolCount: 2 } });
    // A band-1 school weighs 4 and a band-3 school 2: the advised weight is exactly 6.
    expect([after.advised, after.advisedWeight]).toEqual([2, 6]);
    expect(after.advisedWeight).toBe(graphAfter.advised);
    expect(after.advised).toBe(graphAfter.advisedSchools);
    expect(after.totalWeight).toBe(graphAfter.total);
    expect(after.weightedCoverage).toBeCloseTo(graphAfter.advised / graphAfter.total, 12);
    expect(after.byNeedBand.find((row) => row.band === 1)?.advised).toBe(1);
    expect(after.byNeedBand.find((row) => row.band === 3)?.advised).toBe(1);
    const rows = await query<{ urn: unknown; since: unknown; key: unknown; source: unknown }>(
      api().db,
      `MATCH (:Adviser {id: $id})-[r:ADVISES]->(s:School)
       RETURN s.urn AS urn, toString(r.since) AS since, r.key AS key, r.source AS source ORDER BY urn`,
      { id: adviser.id },
    );
    expect(rows.map((row) => [Number(row.urn), row.since, row.key, row.source])).toEqual(
      [band1[0]!, band3[0]!]
        .sort((a, b) => a - b)
        .map((urn) => [urn, "2026-09-01", `${urn}|SCHOOL_IMPROVEMENT_PARTNER`, "service"]),
    );
    expect(await auditCount("registerAdviser", adviser.id)).toBe(1);
    expect(await auditCount("assignAdviser", adviser.id)).toBe(1);
  });

  it("when a school already has a SIP, then assigning a second SIP is a CONFLICT naming the school and its adviser, and nothing is written", async () => {
    const first = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const second = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: first, urns: [band4[0]!] } },
        { token: await admin() },
      ),
    );

    const result = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: second, urns: [band4[1]!, band4[0]!] } },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("CONFLICT");
    expect(result.errors?.[0]?.message).toContain(String(band4[0]));
    expect(result.errors?.[0]?.message).toContain(first);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      urn: band4[0],
      currentAdviserId: first,
    });
    // All or nothing: band4[1] was free, yet it was not assigned either.
    expect(await advisesCount(second)).toBe(0);
    expect(await auditCount("assignAdviser", second)).toBe(0);
  });

  it("when two SIPs are assigned to the same school at once, then one is written and the other is a CONFLICT", async () => {
    const [first, second] = await Promise.all([
      registeredId("SCHOOL_IMPROVEMENT_PARTNER"),
      registeredId("SCHOOL_IMPROVEMENT_PARTNER"),
    ]);
    const token = await admin();

    const results = await Promise.all(
      [first, second].map((adviserId) =>
        api().execute(
          AdviserAssignDocument,
          { input: { adviserId, urns: [band3[1]!] } },
          { token },
        ),
      ),
    );
    const [row] = await query<{ n: unknown }>(
      api().db,
      `MATCH (a:Adviser {kind: "SCHOOL_IMPROVEMENT_PARTNER"})-[:ADVISES]->(:School {urn: $urn})
       RETURN count(a) AS n`,
      { urn: band3[1] },
    );

    expect(results.map(codeOf).sort()).toEqual(["CONFLICT", undefined]);
    expect(Number(row?.n)).toBe(1);
    const winner = results[0]!.errors ? second! : first!;
    dataOf(
      await api().execute(
        AdviserUnassignDocument,
        { input: { adviserId: winner, urn: band3[1]! } },
        { token },
      ),
    );
  });

  it("when a council officer is assigned to a school that has a SIP, then both advise it, one of each kind", async () => {
    const sip = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const officer = await registeredId("COUNCIL_IMPROVEMENT_OFFICER");
    const token = await admin();
    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: sip, urns: [band4[2]!] } },
        { token },
      ),
    );

    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: officer, urns: [band4[2]!] } },
        { token },
      ),
    );
    const result = await api().execute(AdviserLinksOfSchoolDocument, { urn: band4[2]! });

    const links = dataOf(result).school!.advisers;
    expect(links.map((link) => link.adviser.id).sort()).toEqual([sip, officer].sort());
  });

  it("when an adviser is assigned a school it already advises, then nothing changes", async () => {
    const id = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const token = await admin();
    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: id, urns: [band4[3]!] } },
        { token },
      ),
    );

    const again = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: id, urns: [band4[3]!] } },
      { token },
    );

    expect(dataOf(again)).toEqual({ assignAdviser: { id, schoolCount: 1 } });
    expect(await advisesCount(id)).toBe(1);
  });

  it("when an adviser stops advising a school, then the school is unadvised again and it is audited", async () => {
    const id = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const token = await admin();
    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: id, urns: [band3[1]!] } },
        { token },
      ),
    );

    const result = await api().execute(
      AdviserUnassignDocument,
      { input: { adviserId: id, urn: band3[1]! } },
      { token },
    );
    const again = await api().execute(
      AdviserUnassignDocument,
      { input: { adviserId: id, urn: band3[1]! } },
      { token },
    );

    expect(dataOf(result)).toEqual({ unassignAdviser: { id, schoolCount: 0 } });
    expect(await advisesCount(id)).toBe(0);
    expect(await auditCount("unassignAdviser", id)).toBe(1);
    expect(codeOf(again)).toBe("NOT_FOUND");
  });
});

describe("invalid adviser writes", () => {
  it("when the adviser or a URN is unknown, then NOT_FOUND names the argument", async () => {
    const id = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const token = await admin();

    const noAdviser = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: "svc-no-such-adviser", urns: [band1[1]!] } },
      { token },
    );
    const noSchool = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: id, urns: [band1[1]!, 9_999_998] } },
      { token },
    );

    expect(codeOf(noAdviser)).toBe("NOT_FOUND");
    expect(noAdviser.errors?.[0]?.extensions?.["argument"]).toBe("input.adviserId");
    expect(codeOf(noSchool)).toBe("NOT_FOUND");
    expect(noSchool.errors?.[0]?.message).toContain("9999998");
    expect(await advisesCount(id)).toBe(0);
  });

  it("when urns is empty or names more than 200 schools, then BAD_USER_INPUT names input.urns", async () => {
    const token = await admin();
    const empty = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: "svc-x", urns: [] } },
      { token },
    );
    const tooMany = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: "svc-x", urns: Array.from({ length: 201 }, (_, i) => 100_000 + i) } },
      { token },
    );

    expect(codeOf(empty)).toBe("BAD_USER_INPUT");
    expect(empty.errors?.[0]?.extensions?.["argument"]).toBe("input.urns");
    expect(codeOf(tooMany)).toBe("BAD_USER_INPUT");
  });

  it("when a council officer names no council, or a register names both a council and a partnership, then BAD_USER_INPUT", async () => {
    const token = await admin();
    const noCouncil = await register("COUNCIL_IMPROVEMENT_OFFICER", token, {});
    const both = await register("SCHOOL_IMPROVEMENT_PARTNER", token, {
      localAuthorityCode: council.laCode,
      partnershipId: "gias-2053",
    });
    const unknownLa = await register("COUNCIL_IMPROVEMENT_OFFICER", token, {
      localAuthorityCode: 999,
    });

    expect(codeOf(noCouncil)).toBe("BAD_USER_INPUT");
    expect(noCouncil.errors?.[0]?.extensions?.["argument"]).toBe("input.localAuthorityCode");
    expect(codeOf(both)).toBe("BAD_USER_INPUT");
    expect(codeOf(unknownLa)).toBe("NOT_FOUND");
  });

  it("when a name is one letter padded with spaces, then BAD_USER_INPUT names input.name and nothing is written", async () => {
    const sub = `${SUBJECT}-padded`;
    const token = await testToken({ role: "ADMIN", sub });

    const result = await api().execute(
      AdviserRegisterDocument,
      {
        input: {
          name: "  P ",
          kind: "SCHOOL_IMPROVEMENT_PARTNER",
          organisation: "Test council",
          localAuthorityCode: council.laCode,
        },
      },
      { token },
    );
    const [row] = await query<{ n: unknown }>(
      api().db,
      "MATCH (a:Adviser) WHERE a.createdBy = $sub RETURN count(a) AS n",
      { sub },
    );

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe("input.name");
    expect(Number(row?.n)).toBe(0);
  });
});

describe("whose schools an employed adviser may take on", () => {
  it("when a council officer is assigned a school of another council, then BAD_USER_INPUT names it and nothing is written", async () => {
    const officer = await registeredId("COUNCIL_IMPROVEMENT_OFFICER");
    // A school of a South West council of the test's own, a copy of a Dorset school.
    const southWest = await TestArea.create(api().db, SUBJECT, 838);
    const outside = (await southWest.schools({ count: 1, where: "t.stateFunded = true" }))[0]!;

    const result = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: officer, urns: [band4[3]!, outside] } },
      { token: await admin() },
    );

    // Oversight of the South West may not hand its schools to the West Midlands council's officer.
    const bySouthWest = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: officer, urns: [outside] } },
      { token: await oversight([OTHER_REGION]) },
    );

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe("input.urns");
    expect(result.errors?.[0]?.message).toContain(String(outside));
    expect(codeOf(bySouthWest)).toBe("BAD_USER_INPUT");
    expect(await advisesCount(officer)).toBe(0);
    expect(await auditCount("assignAdviser", officer)).toBe(0);
  });

  it("when a trust's lead is assigned a school outside the trust, then BAD_USER_INPUT; its own member school is assigned", async () => {
    // A trust of one of the council's schools; another of them is outside it.
    const [member, outsider] = (await council.schools({
      count: 2,
      where: "t.stateFunded = true",
    })) as [number, number];
    const trustId = await council.trust([member]);
    const lead = await registeredId("TRUST_SCHOOL_IMPROVEMENT_LEAD", { partnershipId: trustId });
    const token = await admin();

    const refused = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: lead, urns: [member, outsider] } },
      { token },
    );
    const countAfterRefusal = await advisesCount(lead);
    const assigned = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId: lead, urns: [member] } },
      { token },
    );

    expect(codeOf(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toContain(String(outsider));
    expect(countAfterRefusal).toBe(0);
    expect(dataOf(assigned)).toEqual({ assignAdviser: { id: lead, schoolCount: 1 } });
  });
});

describe("who may write", () => {
  const callers = regionalWriters(REGION, OTHER_REGION);

  async function tokenFor(claims: (typeof callers)[number]["claims"]): Promise<string | undefined> {
    if (claims === null) return undefined;
    const sub = `${SUBJECT}-${claims.role.toLowerCase()}`;
    if (claims.role === "SCHOOL") return testToken({ role: "SCHOOL", sub, urn: band1[1]! });
    return testToken({ ...claims, sub } as never);
  }

  it.each(callers)(
    "when $caller registers, assigns and unassigns in a West Midlands council, then the answer is $expected",
    async ({ claims, expected }) => {
      const token = await tokenFor(claims);
      const adviserId = await registeredId("COUNCIL_IMPROVEMENT_OFFICER");

      const registered = await register("COUNCIL_IMPROVEMENT_OFFICER", token as string);
      const assigned = await api().execute(
        AdviserAssignDocument,
        { input: { adviserId, urns: [band1[1]!] } },
        { token },
      );
      const advisedAfterAssign = await advisesCount(adviserId);
      // A denied caller's unassignment is tried on an assignment an admin made.
      if (expected !== null) {
        dataOf(
          await api().execute(
            AdviserAssignDocument,
            { input: { adviserId, urns: [band1[1]!] } },
            { token: await admin() },
          ),
        );
      }
      const unassigned = await api().execute(
        AdviserUnassignDocument,
        { input: { adviserId, urn: band1[1]! } },
        { token },
      );
      const advisedAfterUnassign = await advisesCount(adviserId);

      if (expected === null) {
        expect(registered.errors).toBeUndefined();
        expect(assigned.errors).toBeUndefined();
        expect(advisedAfterAssign).toBe(1);
        expect(unassigned.errors).toBeUndefined();
        expect(advisedAfterUnassign).toBe(0);
      } else {
        expect([codeOf(registered), codeOf(assigned), codeOf(unassigned)]).toEqual([
          expected,
          expected,
          expected,
        ]);
        expect(advisedAfterAssign).toBe(0);
        expect(advisedAfterUnassign).toBe(1);
        const [row] = await query<{ n: unknown }>(
          api().db,
          "MATCH (a:Adviser) WHERE a.createdBy = $sub RETURN count(a) AS n",
          { sub: `${SUBJECT}-${claims === null ? "anonymous" : claims.role.toLowerCase()}` },
        );
        expect(Number(row?.n)).toBe(0);
        dataOf(
          await api().execute(
            AdviserUnassignDocument,
            { input: { adviserId, urn: band1[1]! } },
            { token: await admin() },
          ),
        );
      }
    },
  );

  it("when oversight of another region assigns a West Midlands school, then nothing is written", async () => {
    const adviserId = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");

    const result = await api().execute(
      AdviserAssignDocument,
      { input: { adviserId, urns: [band1[1]!] } },
      { token: await oversight([OTHER_REGION]) },
    );

    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await advisesCount(adviserId)).toBe(0);
  });
});

describe("adviserCoverage", () => {
  it("when unadvised schools are paged, then they come neediest first with their weights and pages do not overlap", async () => {
    const whole = await coverage();
    const first = await coverage({ la: council.laCode, first: 5 });
    const second = await coverage({
      la: council.laCode,
      first: 5,
      after: first.unadvisedSchools.pageInfo.endCursor,
    });

    const edges = [...first.unadvisedSchools.edges, ...second.unadvisedSchools.edges];
    expect(first.unadvisedSchools.totalCount).toBe(whole.unadvised);
    expect(first.unadvisedSchools.pageInfo.hasNextPage).toBe(true);
    expect(new Set(edges.map((edge) => edge.node.urn)).size).toBe(10);
    const rank = (band: number | null) => band ?? 5;
    for (let i = 1; i < edges.length; i += 1) {
      expect(rank(edges[i]!.needBand)).toBeGreaterThanOrEqual(rank(edges[i - 1]!.needBand));
    }
    const weights = { 1: 4, 2: 3, 3: 2, 4: 1 } as Record<number, number>;
    for (const edge of edges) expect(edge.weight).toBe(weights[edge.needBand ?? 0] ?? 1);
    const advised = await query<{ urn: unknown }>(
      api().db,
      "UNWIND $urns AS urn MATCH (:Adviser)-[:ADVISES]->(s:School {urn: urn}) RETURN s.urn AS urn",
      { urns: edges.map((edge) => edge.node.urn) },
    );
    expect(advised).toEqual([]);
  });

  it("when England is asked for, then it counts every state-funded school", async () => {
    const england = await coverage({ la: null, first: 1 });
    const [row] = await query<{ n: unknown }>(
      api().db,
      "MATCH (s:School) WHERE s.stateFunded = true RETURN count(s) AS n",
    );

    expect(england.schools).toBe(Number(row?.n));
    expect(england.byNeedBand.reduce((sum, band) => sum + band.schools, 0)).toBe(england.schools);
  });

  it("when the LA is unknown or the cursor is not one we issued, then NOT_FOUND and BAD_USER_INPUT", async () => {
    const unknown = await api().execute(AdviserCoverageByLaDocument, { la: 999 });
    const badCursor = await api().execute(AdviserCoverageByLaDocument, {
      la: council.laCode,
      after: "not-a-cursor",
    });
    const badFirst = await api().execute(AdviserCoverageByLaDocument, {
      la: council.laCode,
      first: 101,
    });

    expect(codeOf(unknown)).toBe("NOT_FOUND");
    expect(codeOf(badCursor)).toBe("BAD_USER_INPUT");
    expect(codeOf(badFirst)).toBe("BAD_USER_INPUT");
  });

  it("when an adviser's schools are read, then they come a page at a time by name", async () => {
    const id = await registeredId("SCHOOL_IMPROVEMENT_PARTNER");
    const token = await admin();
    // band1[1] is left free by the role tests; band4[1] was freed by the conflict test.
    dataOf(
      await api().execute(
        AdviserAssignDocument,
        { input: { adviserId: id, urns: [band4[1]!, band1[1]!] } },
        { token },
      ),
    );

    const page = await api().execute(AdviserSchoolsPageDocument, { id });

    expect(dataOf(page)).toMatchObject({
      adviser: { schoolCount: 2, schools: { totalCount: 2, pageInfo: { hasNextPage: true } } },
    });
  });
});

describe("what coverage reads", () => {
  /** Operators that read every School node or every entry of a School index. */
  const SCANS = /^(NodeByLabelScan|NodeIndexScan|AllNodesScan)/;

  async function scansWithRows(statement: CypherName, params: Record<string, unknown>) {
    const result = await api().db.driver.executeQuery(
      `PROFILE ${api().db.statement(statement)}`,
      params,
    );
    type PlanNode = { operatorType: string; rows?: number; children?: PlanNode[] };
    const all = (plan: PlanNode): PlanNode[] => [plan, ...(plan.children ?? []).flatMap(all)];
    return all(result.summary.profile as unknown as PlanNode)
      .filter((op) => SCANS.test(op.operatorType) && (op.rows ?? 0) > 0)
      .map((op) => `${op.operatorType} (${op.rows} rows)`);
  }

  it("when an LA's coverage and unadvised schools are read, then no operator reads all of England's schools", async () => {
    const laCode = neo4j.int(council.laCode);

    const counted = await scansWithRows("advisers/countCoverage", { laCode, kind: null });
    const listed = await scansWithRows("advisers/listUnadvisedSchools", {
      laCode,
      kind: null,
      afterBandRank: null,
      afterNeedPoints: null,
      afterUrn: null,
      limit: neo4j.int(6),
    });

    expect(counted).toEqual([]);
    expect(listed).toEqual([]);
  });
});
