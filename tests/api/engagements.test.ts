/**
 * Support engagements and designations against the real database: an admin designates system
 * leaders, leaders record and close their support within capacity (also under concurrent
 * requests), designations are revoked once their engagements are closed, and every write leaves
 * an audit event. Works on maintained schools of its own, copied from Lancashire's (TestArea), and
 * removes them and everything it made afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EngagementCloseDocument,
  EngagementDesignateLeaderDocument,
  EngagementRecomputeFamiliesDocument,
  EngagementRecordDocument,
  EngagementRevokeLeaderDocument,
  EngagementsOfLeaderDocument,
  type EngagementFieldsFragment,
  type EngagementRecordMutation,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("engagements");

let schools: number[] = [];

type Engagement = EngagementFieldsFragment;

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
const leaderToken = (systemLeaderId: string): Promise<string> =>
  testToken({ role: "SYSTEM_LEADER", sub: `${SUBJECT}-leader`, systemLeaderId });

async function designate(urn: number, capacity: number): Promise<string> {
  const result = await api().execute(
    EngagementDesignateLeaderDocument,
    { input: { urn, designation: "NLE", specialisms: ["MATHEMATICS"], capacity } },
    { token: await admin() },
  );
  return dataOf(result).designateSystemLeader.id;
}

function record(systemLeaderId: string, urn: number, token: string, focus = "Maths leadership") {
  return api().execute(
    EngagementRecordDocument,
    { input: { systemLeaderId, urn, focus } },
    { token },
  );
}

function engagementOf(result: OperationResult<EngagementRecordMutation>): Engagement {
  return dataOf(result).recordSupportEngagement;
}

function codeOf(result: OperationResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.["code"];
}

async function supportsCount(systemLeaderId: string): Promise<number> {
  const [row] = await query<{ n: unknown }>(
    api().db,
    "MATCH (:SystemLeader {id: $id})-[r:SUPPORTS]->() RETURN count(r) AS n",
    { id: systemLeaderId },
  );
  return Number(row?.n);
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, 888);
  schools = await area.schools({ governance: "MAINTAINED", count: 10 });
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("designateSystemLeader", () => {
  it("when an admin designates a leader, then it is stored, not synthetic, based at the school and audited", async () => {
    const result = await api().execute(
      EngagementDesignateLeaderDocument,
      {
        input: {
          urn: schools[0]!,
          designation: "LLE",
          name: "A. Leader",
          specialisms: ["SEND"],
          capacity: 3,
        },
      },
      { token: await admin() },
    );

    const leader = dataOf(result).designateSystemLeader;
    const [base] = await query<{ phase: string }>(
      api().db,
      "MATCH (s:School {urn: $urn}) RETURN s.phase AS phase",
      { urn: schools[0] },
    );
    // An LLE serves its school's phase and is held by the person named, as seeded ones are.
    expect(leader).toMatchObject({
      synthetic: false,
      capacity: 3,
      name: "A. Leader",
      phase: base!.phase,
      holder: { name: "A. Leader", synthetic: false },
    });
    const rows = await query<{ urn: unknown; events: unknown }>(
      api().db,
      `MATCH (l:SystemLeader {id: $id})-[:BASED_AT]->(s:School)
       RETURN s.urn AS urn,
         COUNT { (e:AuditEvent {action: "designateSystemLeader", targetId: $id}) } AS events`,
      { id: leader.id },
    );
    expect(rows.map((row) => [Number(row.urn), Number(row.events)])).toEqual([[schools[0], 1]]);
  });

  it("when the capacity is out of range, then BAD_USER_INPUT names input.capacity", async () => {
    const result = await api().execute(
      EngagementDesignateLeaderDocument,
      { input: { urn: schools[0]!, designation: "NLE", specialisms: [], capacity: 0 } },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("input.capacity");
  });
});

describe("recordSupportEngagement", () => {
  let leaderId = "";
  let token = "";

  beforeAll(async () => {
    leaderId = await designate(schools[0]!, 2);
    token = await leaderToken(leaderId);
  });

  it("when a leader records support for a school, then an open SUPPORTS relationship and an audit event exist", async () => {
    const engagement = engagementOf(await record(leaderId, schools[1]!, token));

    expect(engagement).toMatchObject({ focus: "Maths leadership", end: null, outcome: null });
    expect(engagement.open).toBe(true);
    expect(engagement.id).toMatch(/^svc-/);
    const rows = await query<{ urn: unknown; before: string; after: string }>(
      api().db,
      `MATCH (:SystemLeader {id: $leader})-[r:SUPPORTS {id: $id}]->(s:School)
       MATCH (e:AuditEvent {action: "recordSupportEngagement", targetId: $id})
       RETURN s.urn AS urn, e.before AS before, e.after AS after`,
      { leader: leaderId, id: engagement.id },
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.urn)).toBe(schools[1]);
    expect(JSON.parse(rows[0]!.before)).toEqual({ openEngagements: 0, capacity: 2 });
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ id: engagement.id, openEngagements: 1 });
  });

  it("when the leader already supports the school, then CONFLICT and nothing is added", async () => {
    const result = await record(leaderId, schools[1]!, token);

    expect(codeOf(result)).toBe("CONFLICT");
    expect(await supportsCount(leaderId)).toBe(1);
  });

  it("when the leader's open engagements fill its capacity, then CONFLICT and nothing is added", async () => {
    engagementOf(await record(leaderId, schools[2]!, token));

    const result = await record(leaderId, schools[3]!, token);

    expect(codeOf(result)).toBe("CONFLICT");
    expect(result.errors?.[0]?.extensions?.["capacity"]).toBe(2);
    expect(await supportsCount(leaderId)).toBe(2);
  });

  it("when a system leader records for another leader, then FORBIDDEN and nothing is added", async () => {
    const other = await designate(schools[0]!, 5);

    const result = await record(other, schools[4]!, token);

    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await supportsCount(other)).toBe(0);
  });

  it("when the leader or the school is unknown, then NOT_FOUND names the argument", async () => {
    const unknownLeader = await record("svc-no-such-leader", schools[4]!, await admin());
    const unknownSchool = await record(leaderId, 9_999_998, await admin());

    expect(codeOf(unknownLeader)).toBe("NOT_FOUND");
    expect(unknownLeader.errors?.[0]?.extensions?.["argument"]).toBe("input.systemLeaderId");
    expect(codeOf(unknownSchool)).toBe("NOT_FOUND");
    expect(unknownSchool.errors?.[0]?.extensions?.["argument"]).toBe("input.urn");
  });

  it("when the focus is blank, then BAD_USER_INPUT names input.focus and nothing is added", async () => {
    const result = await record(leaderId, schools[5]!, token, "   ");

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("input.focus");
    expect(await supportsCount(leaderId)).toBe(2);
  });

  it("when many records for one leader race, then its capacity is never exceeded", async () => {
    const racer = await designate(schools[0]!, 2);
    const racerToken = await leaderToken(racer);

    const results = await Promise.all(
      schools.slice(1, 9).map((urn) => record(racer, urn, racerToken)),
    );

    const codes = results.map((result) => codeOf(result) ?? "OK");
    expect(codes.filter((code) => code === "OK")).toHaveLength(2);
    expect(codes.filter((code) => code === "CONFLICT")).toHaveLength(6);
    expect(await supportsCount(racer)).toBe(2);
  });
});

describe("closeSupportEngagement", () => {
  let leaderId = "";
  let token = "";

  beforeAll(async () => {
    leaderId = await designate(schools[0]!, 5);
    token = await leaderToken(leaderId);
  });

  it("when a leader closes its engagement, then it ends with the outcome, frees capacity and is audited", async () => {
    const fullLeader = await designate(schools[0]!, 1);
    const fullToken = await leaderToken(fullLeader);
    const opened = engagementOf(await record(fullLeader, schools[6]!, fullToken));

    const result = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: opened.id, outcome: "Maths results improved" } },
      { token: fullToken },
    );

    const closed = dataOf(result).closeSupportEngagement;
    expect(closed).toMatchObject({ id: opened.id, outcome: "Maths results improved" });
    expect(closed.end).toBe(opened.start);
    const [row] = await query<{ outcome: string; events: unknown }>(
      api().db,
      `MATCH ()-[r:SUPPORTS {id: $id}]->()
       RETURN r.outcome AS outcome,
         COUNT { (e:AuditEvent {action: "closeSupportEngagement", targetId: $id}) } AS events`,
      { id: opened.id },
    );
    expect(row?.outcome).toBe("Maths results improved");
    expect(Number(row?.events)).toBe(1);
    // Closed today it is closed: the place is free at once.
    expect(closed.open).toBe(false);
    expect(codeOf(await record(fullLeader, schools[7]!, fullToken))).toBeUndefined();
  });

  it("when the engagement is already closed, then CONFLICT and it is unchanged", async () => {
    const opened = engagementOf(await record(leaderId, schools[8]!, await admin()));
    await query(
      api().db,
      "MATCH ()-[r:SUPPORTS {id: $id}]->() SET r.end = date(), r.outcome = 'done'",
      {
        id: opened.id,
      },
    );

    const result = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: opened.id, outcome: "Again" } },
      { token },
    );

    expect(codeOf(result)).toBe("CONFLICT");
    const [row] = await query<{ outcome: string }>(
      api().db,
      "MATCH ()-[r:SUPPORTS {id: $id}]->() RETURN r.outcome AS outcome",
      { id: opened.id },
    );
    expect(row?.outcome).toBe("done");
  });

  it("when the engagement is unknown, then NOT_FOUND", async () => {
    const result = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: "svc-no-such-engagement", outcome: "Nothing" } },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("NOT_FOUND");
  });

  it("when another leader closes it, then FORBIDDEN and it stays open", async () => {
    const opened = engagementOf(await record(leaderId, schools[9]!, await admin()));
    const intruder = await leaderToken(`${leaderId}-other`);

    const result = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: opened.id, outcome: "Not mine" } },
      { token: intruder },
    );

    expect(codeOf(result)).toBe("FORBIDDEN");
    const [row] = await query<{ end: unknown }>(
      api().db,
      "MATCH ()-[r:SUPPORTS {id: $id}]->() RETURN r.end AS end",
      { id: opened.id },
    );
    expect(row?.end).toBeNull();
  });
});

describe("revokeSystemLeader", () => {
  it("when the leader has open engagements, then CONFLICT; once closed, revoking removes it", async () => {
    const leaderId = await designate(schools[0]!, 2);
    const holderNamed = await query<{ name: string }>(
      api().db,
      "MATCH (h:Leader {id: $holder})-[:DESIGNATED_AS]->(:SystemLeader {id: $id}) RETURN h.name AS name",
      { holder: `svc-holder-${leaderId}`, id: leaderId },
    );
    expect(holderNamed.map((row) => row.name)).toEqual([expect.stringMatching(/^Headteacher of /)]);
    const opened = engagementOf(await record(leaderId, schools[1]!, await admin()));

    const refused = await api().execute(
      EngagementRevokeLeaderDocument,
      { id: leaderId },
      { token: await admin() },
    );
    await query(
      api().db,
      "MATCH ()-[r:SUPPORTS {id: $id}]->() SET r.start = date() - duration('P2D'), r.end = date() - duration('P1D'), r.outcome = 'done'",
      { id: opened.id },
    );
    const revoked = await api().execute(
      EngagementRevokeLeaderDocument,
      { id: leaderId },
      { token: await admin() },
    );

    expect(codeOf(refused)).toBe("CONFLICT");
    expect(codeOf(revoked)).toBeUndefined();
    const rows = await query(
      api().db,
      `MATCH (l:SystemLeader {id: $id}) RETURN l.id AS id
       UNION ALL MATCH (e:AuditEvent {action: "revokeSystemLeader", targetId: $id}) RETURN e.id AS id`,
      { id: leaderId },
    );
    expect(rows).toHaveLength(1);
    const holders = await query(api().db, "MATCH (h:Leader {id: $holder}) RETURN h.id AS id", {
      holder: `svc-holder-${leaderId}`,
    });
    expect(holders).toHaveLength(0);
  });

  it("when an engagement is recorded and closed on the same day, then it is closed everywhere and the designation can be revoked that day", async () => {
    const leaderId = await designate(schools[2]!, 1);
    const token = await leaderToken(leaderId);
    const opened = engagementOf(await record(leaderId, schools[3]!, token));
    const closing = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: opened.id, outcome: "Handed over the same day" } },
      { token },
    );
    const closed = dataOf(closing).closeSupportEngagement;

    const listed = dataOf(
      await api().execute(EngagementsOfLeaderDocument, { id: leaderId }, { token }),
    );
    const closedAgain = await api().execute(
      EngagementCloseDocument,
      { input: { engagementId: opened.id, outcome: "Again" } },
      { token },
    );
    const revoked = await api().execute(
      EngagementRevokeLeaderDocument,
      { id: leaderId },
      { token: await admin() },
    );

    expect(closed).toMatchObject({ end: opened.start, open: false });
    expect(listed.systemLeader!.openEngagements).toBe(0);
    expect(listed.systemLeader!.open).toEqual([]);
    expect(listed.systemLeader!.all).toEqual([{ id: opened.id, open: false }]);
    expect(codeOf(closedAgain)).toBe("CONFLICT");
    expect(closedAgain.errors?.[0]?.message).toContain("already closed");
    expect(codeOf(revoked)).toBeUndefined();
    const left = await query(api().db, "MATCH (l:SystemLeader {id: $id}) RETURN l.id AS id", {
      id: leaderId,
    });
    expect(left).toEqual([]);
  });

  it("when the leader is unknown, then NOT_FOUND", async () => {
    const result = await api().execute(
      EngagementRevokeLeaderDocument,
      { id: "svc-no-such-leader" },
      { token: await admin() },
    );

    expect(codeOf(result)).toBe("NOT_FOUND");
  });
});

describe("recomputeFamilies", () => {
  it.each([
    [{ targetSize: 5 }, "targetSize"],
    [{ targetSize: 501 }, "targetSize"],
    [{ seed: -1 }, "seed"],
  ])("when called with %o, then BAD_USER_INPUT names %s", async (variables, argument) => {
    const result = await api().execute(EngagementRecomputeFamiliesDocument, variables, {
      token: await admin(),
    });

    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.["argument"]).toBe(argument);
  });
});
