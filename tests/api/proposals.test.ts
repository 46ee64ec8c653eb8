/**
 * The partnership lifecycle against the real database: a school proposes, others answer, the
 * membership appears in the graph and on school(urn), schools leave by their model's rule, and
 * every write leaves an audit event. Works on schools of its own, copied from Birmingham's
 * maintained, academy and independent schools (TestArea), and removes them and everything it
 * made afterwards.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../../src/auth/tokens.js";
import {
  ProposalAuditEventsOfSchoolDocument,
  ProposalLeavePartnershipDocument,
  ProposalProposeDocument,
  ProposalRespondDocument,
  ProposalSchoolMembershipsDocument,
  type ProposalFieldsFragment,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("proposals");

let maintained: number[] = [];
let academies: number[] = [];
let independent: number[] = [];
const tokens = new Map<string, string>();

/** A token for a school (or an admin), cached per URN. */
async function tokenFor(who: number | "ADMIN"): Promise<string> {
  const key = String(who);
  const cached = tokens.get(key);
  if (cached) return cached;
  const claims: TokenClaims =
    who === "ADMIN"
      ? { role: "ADMIN", sub: `${SUBJECT}-admin` }
      : { role: "SCHOOL", sub: `${SUBJECT}-${who}`, urn: who };
  const token = await testToken(claims);
  tokens.set(key, token);
  return token;
}

type Proposal = ProposalFieldsFragment;

async function propose(
  proposerUrn: number,
  inviteeUrns: number[],
  model: string,
  extra: { name?: string; partnershipId?: string } = {},
) {
  return api().execute(
    ProposalProposeDocument,
    { input: { proposerUrn, inviteeUrns, model, ...extra } },
    { token: await tokenFor(proposerUrn) },
  );
}

async function proposed(...args: Parameters<typeof propose>): Promise<Proposal> {
  return dataOf(await propose(...args)).proposePartnership;
}

async function respond(proposalId: string, urn: number, accept: boolean) {
  return api().execute(
    ProposalRespondDocument,
    { proposalId, urn, accept },
    { token: await tokenFor(urn) },
  );
}

async function responded(proposalId: string, urn: number, accept: boolean): Promise<Proposal> {
  return dataOf(await respond(proposalId, urn, accept)).respondToProposal;
}

async function leave(urn: number, partnershipId: string) {
  return api().execute(
    ProposalLeavePartnershipDocument,
    { urn, partnershipId },
    { token: await tokenFor(urn) },
  );
}

async function memberships(urn: number, partnershipId: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    api().db,
    "MATCH (:School {urn: $urn})-[m:MEMBER_OF]->(:Partnership {id: $id}) RETURN count(m) AS n",
    { urn, id: partnershipId },
  );
  return Number(row?.n ?? 0);
}

function codeOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.[0]?.extensions?.["code"];
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, 330);
  maintained = await area.schools({ governance: "MAINTAINED", count: 16 });
  // Copies of academies, in no trust as every real one is.
  academies = await area.schools({ governance: "ACADEMY_CONVERTER", phase: "PRIMARY", count: 2 });
  independent = await area.schools({ governance: "INDEPENDENT", count: 1 });
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("proposing and accepting", () => {
  it("when a school proposes a cluster and the invited school accepts, then both are members in the graph and on school(urn)", async () => {
    const [a, b] = maintained as [number, number];
    const proposal = await proposed(a, [b], "cluster", { name: "Test cluster one" });
    expect(proposal).toMatchObject({
      status: "OPEN",
      name: "Test cluster one",
      invitations: [{ urn: b, status: "PENDING" }],
      partnership: null,
    });

    const accepted = await responded(proposal.id, b, true);

    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.invitations).toEqual([
      // DateTime values come back as Date objects in-process, ISO strings over HTTP.
      expect.objectContaining({ urn: b, status: "ACCEPTED", respondedAt: expect.anything() }),
    ]);
    expect(accepted.partnership).toMatchObject({
      name: "Test cluster one",
      type: "CLUSTER",
      status: "Open",
      memberCount: 2,
    });
    const partnershipId = accepted.partnership?.id ?? "";
    expect(await memberships(a, partnershipId)).toBe(1);
    expect(await memberships(b, partnershipId)).toBe(1);
    const school = dataOf(await api().execute(ProposalSchoolMembershipsDocument, { urn: b }));
    expect(school.school?.memberships).toContainEqual({
      partnership: { id: partnershipId, type: "CLUSTER" },
    });
  });

  it("when a proposal is made and answered, then each write left an audit event with before and after", async () => {
    const [, , c, d] = maintained as number[] as [number, number, number, number];
    const proposal = await proposed(c, [d], "informal-collaboration");
    await responded(proposal.id, d, true);

    const events = dataOf(
      await api().execute(
        ProposalAuditEventsOfSchoolDocument,
        { urn: d },
        { token: await tokenFor("ADMIN") },
      ),
    );
    const nodes = events.auditEvents.edges.map((edge) => edge.node);

    expect(nodes.map((node) => node["action"])).toEqual([
      "respondToProposal",
      "proposePartnership",
    ]);
    expect(nodes[0]).toMatchObject({
      actor: { sub: `${SUBJECT}-${d}`, role: "SCHOOL" },
      targetType: "PartnershipProposal",
      targetId: proposal.id,
      regionCodes: ["E12000005"],
      before: { status: "OPEN", invitation: { urn: d, status: "PENDING" } },
      after: { status: "ACCEPTED", membershipsCreated: [{ urn: c }, { urn: d }] },
      requestId: expect.any(String),
    });
    expect(nodes[1]).toMatchObject({ before: null, after: { id: proposal.id, status: "OPEN" } });
  });

  it("when an invited school answers twice, then the second answer is a CONFLICT and changes nothing", async () => {
    const [, , , , e, f] = maintained as number[];
    const proposal = await proposed(e as number, [f as number], "cluster");
    await responded(proposal.id, f as number, true);
    const partnershipId = `svc-${proposal.id}`;

    const again = await respond(proposal.id, f as number, false);

    expect(codeOf(again)).toBe("CONFLICT");
    expect(await memberships(f as number, partnershipId)).toBe(1);
    const [row] = await query<{ status: string }>(
      api().db,
      "MATCH (:PartnershipProposal {id: $id})-[i:INVITES]->(:School {urn: $urn}) RETURN i.status AS status",
      { id: proposal.id, urn: f },
    );
    expect(row?.status).toBe("ACCEPTED");
  });

  it("when every invited school declines, then the proposal is DECLINED and no partnership exists", async () => {
    const [g, h, i] = maintained.slice(6, 9) as [number, number, number];
    const proposal = await proposed(g, [h, i], "cluster");

    expect((await responded(proposal.id, h, false)).status).toBe("OPEN");
    const last = await responded(proposal.id, i, false);

    expect(last.status).toBe("DECLINED");
    expect(last.partnership).toBeNull();
    const [row] = await query<{ n: number }>(
      api().db,
      "MATCH (p:Partnership {id: $id}) RETURN count(p) AS n",
      { id: `svc-${proposal.id}` },
    );
    expect(Number(row?.n)).toBe(0);
  });

  it("when a member invites another school into the partnership, then accepting adds one member", async () => {
    const [a, b] = maintained as [number, number];
    const j = maintained[9] as number;
    const first = await proposed(a, [b], "cluster", { name: "Test cluster two" });
    const partnershipId = (await responded(first.id, b, true)).partnership?.id as string;

    const invite = await proposed(a, [j], "cluster", { partnershipId });
    expect(invite).toMatchObject({ partnership: { id: partnershipId, memberCount: 2 } });
    const joined = await responded(invite.id, j, true);

    expect(joined.partnership).toMatchObject({ id: partnershipId, memberCount: 3 });
  });

  it("when a school that is not a member invites others into a partnership, then it is a CONFLICT", async () => {
    const [a, b] = maintained as [number, number];
    const [k, l] = maintained.slice(10, 12) as [number, number];
    const first = await proposed(a, [b], "cluster");
    const partnershipId = (await responded(first.id, b, true)).partnership?.id as string;

    const result = await propose(k, [l], "cluster", { partnershipId });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      argument: "input.partnershipId",
    });
  });
});

describe("rules of the models", () => {
  /** The first error of a proposal by the first maintained school. */
  async function refusal(inviteeUrns: number[], model: string) {
    return (await propose(maintained[0] as number, inviteeUrns, model)).errors?.[0];
  }

  it("when an academy is invited into a hard federation, then the proposal is refused naming the invitee", async () => {
    const error = await refusal([academies[0] as number], "hard-federation");

    expect(error?.extensions).toMatchObject({
      code: "CONFLICT",
      argument: "input.inviteeUrns",
      urn: academies[0],
    });
    expect(error?.message).toMatch(/not open to academies/);
  });

  it("when a single-academy trust is proposed, then it is refused: it has one school", async () => {
    const error = await refusal([maintained[1] as number], "single-academy-trust");
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.model" });
  });

  it("when an independent-state partnership has no independent school, then it is refused", async () => {
    const refused = await refusal(
      [maintained[1] as number],
      "independent-state-school-partnership",
    );
    expect(refused?.extensions?.["argument"]).toBe("input.inviteeUrns");

    const accepted = await propose(
      maintained[0] as number,
      [independent[0] as number],
      "independent-state-school-partnership",
    );
    expect(accepted.errors).toBeUndefined();
  });

  it("when two academies form a multi-academy trust, then it starts Forming and they can withdraw at will", async () => {
    const [x, y] = academies as [number, number];
    const proposal = await proposed(x, [y], "multi-academy-trust", { name: "Test academy trust" });
    const accepted = await responded(proposal.id, y, true);
    expect(accepted.partnership).toMatchObject({ type: "MULTI_ACADEMY_TRUST", status: "Forming" });

    const left = dataOf(await leave(y, accepted.partnership?.id as string));
    expect(left.leavePartnership.outcome).toBe("LEFT");
  });
});

describe("leaving", () => {
  it("when a school leaves an informal collaboration, then its membership ends at once", async () => {
    const [m, n] = maintained.slice(12, 14) as [number, number];
    const proposal = await proposed(m, [n], "informal-collaboration");
    const partnershipId = (await responded(proposal.id, n, true)).partnership?.id as string;

    const result = dataOf(await leave(n, partnershipId));

    expect(result.leavePartnership).toMatchObject({
      outcome: "LEFT",
      leavingOn: new Date().toISOString().slice(0, 10),
      partnership: { memberCount: 1 },
    });
    expect(await memberships(n, partnershipId)).toBe(0);
  });

  it("when the last member leaves a partnership made here, then it is closed", async () => {
    const [m, n] = maintained.slice(12, 14) as [number, number];
    const proposal = await proposed(m, [n], "informal-collaboration");
    const partnershipId = (await responded(proposal.id, n, true)).partnership?.id as string;
    dataOf(await leave(n, partnershipId));

    const last = dataOf(await leave(m, partnershipId));

    expect(last.leavePartnership.partnership).toEqual({
      id: partnershipId,
      status: "Closed",
      memberCount: 0,
    });
  });

  it("when a school leaves a cluster, then it gives 90 days' notice, stays a member, and leaving after the notice completes it", async () => {
    const [o, p] = maintained.slice(14, 16) as [number, number];
    const proposal = await proposed(o, [p], "cluster");
    const partnershipId = (await responded(proposal.id, p, true)).partnership?.id as string;

    const notice = dataOf(await leave(p, partnershipId));
    const expected = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(notice.leavePartnership).toMatchObject({ outcome: "NOTICE_GIVEN", leavingOn: expected });
    expect(await memberships(p, partnershipId)).toBe(1);

    expect(codeOf(await leave(p, partnershipId))).toBe("CONFLICT");

    await query(
      api().db,
      "MATCH (:School {urn: $urn})-[m:MEMBER_OF]->(:Partnership {id: $id}) SET m.leavingOn = date() - duration('P1D')",
      { urn: p, id: partnershipId },
    );
    const done = dataOf(await leave(p, partnershipId));
    expect(done.leavePartnership.outcome).toBe("LEFT");
    expect(await memberships(p, partnershipId)).toBe(0);
  });

  it("when an academy tries to leave its multi-academy trust, then it is a CONFLICT that explains the DfE transfer, and nothing changes", async () => {
    const bermondsey = 131747;
    const admin = await tokenFor("ADMIN");

    const result = await api().execute(
      ProposalLeavePartnershipDocument,
      { urn: bermondsey, partnershipId: "gias-3320" },
      { token: admin },
    );

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      leavingRule: "STATUTORY_PROCESS",
      modelId: "multi-academy-trust",
    });
    expect(result.errors?.[0]?.message).toMatch(/regional director/);
    expect(await memberships(bermondsey, "gias-3320")).toBe(1);
  });

  it("when the school is not a member, then NOT_FOUND names the partnership", async () => {
    const result = await leave(maintained[15] as number, "gias-3320");
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "partnershipId",
    });
  });
});

describe("concurrent acceptances", () => {
  it("when the same invitation is accepted eight times at once, then one succeeds, the rest conflict, and there is one membership", async () => {
    const [a, b] = [maintained[2] as number, maintained[3] as number];
    const proposal = await proposed(a, [b], "cluster");

    const results = await Promise.all(
      Array.from({ length: 8 }, () => respond(proposal.id, b, true)),
    );

    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    expect(results.map(codeOf).filter((code) => code !== undefined)).toEqual(
      Array(7).fill("CONFLICT"),
    );
    expect(await memberships(b, `svc-${proposal.id}`)).toBe(1);
    expect(await memberships(a, `svc-${proposal.id}`)).toBe(1);
  });

  it("when several invited schools accept a new partnership at once, then one partnership forms and each school is a member once", async () => {
    const [a, ...invitees] = maintained.slice(4, 10) as number[];
    const proposal = await proposed(a as number, invitees, "informal-collaboration");

    const results = await Promise.all(invitees.map((urn) => respond(proposal.id, urn, true)));

    expect(results.every((result) => result.errors === undefined)).toBe(true);
    const rows = await query<{ urn: number; n: number }>(
      api().db,
      `MATCH (s:School)-[m:MEMBER_OF]->(p:Partnership {id: $id}) RETURN s.urn AS urn, count(m) AS n`,
      { id: `svc-${proposal.id}` },
    );
    expect(rows.map((row) => Number(row.n))).toEqual(Array(invitees.length + 1).fill(1));
  });

  it("when two proposals invite the same school into one partnership and both are accepted at once, then it is a member once", async () => {
    const [a, b, c] = maintained.slice(10, 13) as [number, number, number];
    const first = await proposed(a, [b], "cluster");
    const partnershipId = (await responded(first.id, b, true)).partnership?.id as string;
    const one = await proposed(a, [c], "cluster", { partnershipId });
    const two = await proposed(b, [c], "cluster", { partnershipId });

    await Promise.all([respond(one.id, c, true), respond(two.id, c, true)]);

    expect(await memberships(c, partnershipId)).toBe(1);
  });

  it("when a duplicate membership key is written directly, then the database's uniqueness constraint refuses it", async () => {
    const [a, b] = [maintained[2] as number, maintained[3] as number];
    const proposal = await proposed(a, [b], "informal-collaboration");
    const partnershipId = (await responded(proposal.id, b, true)).partnership?.id as string;

    await expect(
      query(
        api().db,
        `MATCH (s:School {urn: $urn}), (p:Partnership {id: $id})
         CREATE (s)-[:MEMBER_OF {key: $key}]->(p)`,
        { urn: neo4j.int(b), id: partnershipId, key: `${partnershipId}|${b}` },
      ),
    ).rejects.toThrow(/already exists|constraint/i);
    expect(await memberships(b, partnershipId)).toBe(1);
  });
});
