/**
 * Every operation of this release against every kind of caller, through the real API with
 * signed tokens: what is allowed works (or fails for reasons other than authorisation), what is
 * denied answers UNAUTHENTICATED (no token) or FORBIDDEN (wrong token), and a denied write
 * changes nothing. The schools are the test's own copies of maintained schools in Bradford
 * (TestArea); they and everything written are removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../../src/auth/tokens.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("matrix");
const REGION = "E12000003";
const OTHER_REGION = "E12000007";

/** The acting school (`own`), an unrelated school, and the school invited in write cases. */
let own = 0;
let other = 0;
let invitee = 0;
/** The system leader the "system leader" caller is, designated (based at `other`) before the tests. */
let leaderId = "leader-matrix";

const CALLERS = [
  "anonymous",
  "school (own)",
  "school (other)",
  "system leader",
  "oversight (own region)",
  "oversight (other region)",
  "admin",
] as const;
type Caller = (typeof CALLERS)[number];

function claimsOf(caller: Caller, ownUrn: number): TokenClaims | null {
  const sub = `${SUBJECT}-${caller.replace(/\W+/g, "-")}`;
  switch (caller) {
    case "anonymous":
      return null;
    case "school (own)":
      return { role: "SCHOOL", sub, urn: ownUrn };
    case "school (other)":
      return { role: "SCHOOL", sub, urn: other };
    case "system leader":
      return { role: "SYSTEM_LEADER", sub, systemLeaderId: leaderId };
    case "oversight (own region)":
      return { role: "OVERSIGHT", sub, regionCodes: [REGION] };
    case "oversight (other region)":
      return { role: "OVERSIGHT", sub, regionCodes: [OTHER_REGION] };
    case "admin":
      return { role: "ADMIN", sub };
  }
}

async function run(caller: Caller, ownUrn: number, text: string, variables = {}) {
  const claims = claimsOf(caller, ownUrn);
  const token = claims === null ? undefined : await testToken(claims);
  return api().executeText(text, variables, { token });
}

const ADMIN = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-setup` });

async function adminRun(
  text: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return dataOf(await api().executeText(text, variables, { token: await ADMIN() })) as Record<
    string,
    unknown
  >;
}

const PROPOSE = `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`;
const RESPOND = `mutation ($id: ID!, $urn: Int!, $accept: Boolean!) {
  respondToProposal(proposalId: $id, urn: $urn, accept: $accept) { id status partnership { id } }
}`;

/** A fresh proposal from `own` to `invitee`, made by an admin. */
async function proposal(model = "informal-collaboration"): Promise<string> {
  const data = await adminRun(PROPOSE, {
    input: { proposerUrn: own, inviteeUrns: [invitee], model },
  });
  return (data["proposePartnership"] as { id: string }).id;
}

const DESIGNATE = `mutation ($input: DesignateSystemLeaderInput!) { designateSystemLeader(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordSupportEngagementInput!) { recordSupportEngagement(input: $input) { id } }`;

/** A fresh system leader based at `urn`, designated by an admin. */
async function designated(urn: number, capacity = 5): Promise<string> {
  const data = await adminRun(DESIGNATE, {
    input: { urn, designation: "NLE", specialisms: [], capacity },
  });
  return (data["designateSystemLeader"] as { id: string }).id;
}

/** Removes the matrix leader's engagements, so a record is not refused for capacity. */
async function withoutEngagements(): Promise<string> {
  await query(api().db, "MATCH (:SystemLeader {id: $id})-[r:SUPPORTS]->() DELETE r", {
    id: leaderId,
  });
  return "";
}

type Outcome = "ALLOWED" | "UNAUTHENTICATED" | "FORBIDDEN";

interface OperationCase {
  name: string;
  /** Who the operation acts for or reads about: the `own` school unless said otherwise. */
  actsFor?: () => number;
  expected: Record<Caller, Outcome>;
  /** Runs the operation as the caller; `arrange` output is passed in. */
  act: (caller: Caller, arranged: string) => Promise<OperationResult<unknown>>;
  arrange?: () => Promise<string>;
  /** For writes: the state that a denied call must leave unchanged. */
  state?: (arranged: string) => Promise<unknown>;
  /**
   * The error an allowed call is expected to end in, for operations whose success would do
   * costly shared work (they are called with arguments the service refuses after authorising).
   */
  allowedCode?: string;
}

const everyone: Record<Caller, Outcome> = {
  anonymous: "ALLOWED",
  "school (own)": "ALLOWED",
  "school (other)": "ALLOWED",
  "system leader": "ALLOWED",
  "oversight (own region)": "ALLOWED",
  "oversight (other region)": "ALLOWED",
  admin: "ALLOWED",
};
const schoolWrites: Record<Caller, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  "school (own)": "ALLOWED",
  "school (other)": "FORBIDDEN",
  "system leader": "FORBIDDEN",
  "oversight (own region)": "FORBIDDEN",
  "oversight (other region)": "FORBIDDEN",
  admin: "ALLOWED",
};
const leaderWrites: Record<Caller, Outcome> = {
  ...schoolWrites,
  "school (own)": "FORBIDDEN",
  "system leader": "ALLOWED",
};
const adminOnly: Record<Caller, Outcome> = { ...leaderWrites, "system leader": "FORBIDDEN" };
const partiesAndOversight: Record<Caller, Outcome> = {
  ...schoolWrites,
  "oversight (own region)": "ALLOWED",
};

const OPERATIONS: OperationCase[] = [
  {
    name: "collaborationModels",
    expected: everyone,
    act: (caller) => run(caller, own, "{ collaborationModels { id } }"),
  },
  {
    name: "collaborationOptions",
    expected: everyone,
    act: (caller) =>
      run(caller, own, "query ($urn: Int!) { collaborationOptions(urn: $urn) { urn } }", {
        urn: own,
      }),
  },
  {
    name: "viewer",
    expected: everyone,
    act: (caller) => run(caller, own, "{ viewer { role } }"),
  },
  {
    name: "School.offers (read)",
    expected: { ...everyone, anonymous: "UNAUTHENTICATED" },
    act: (caller) =>
      run(caller, own, "query ($urn: Int!) { school(urn: $urn) { offers seeks } }", { urn: own }),
  },
  {
    name: "updateSchoolOffer",
    expected: schoolWrites,
    act: (caller) =>
      run(
        caller,
        own,
        "mutation ($urn: Int!) { updateSchoolOffer(urn: $urn, offers: [GOVERNANCE], seeks: []) { urn } }",
        { urn: own },
      ),
    arrange: async () => {
      await query(api().db, "MATCH (s:School {urn: $urn}) REMOVE s.offers, s.seeks", { urn: own });
      return "";
    },
    state: async () =>
      query(api().db, "MATCH (s:School {urn: $urn}) RETURN s.offers AS offers", { urn: own }),
  },
  {
    name: "proposePartnership",
    expected: schoolWrites,
    act: (caller) =>
      run(caller, own, PROPOSE, {
        input: { proposerUrn: own, inviteeUrns: [invitee], model: "cluster" },
      }),
    state: async () =>
      query(
        api().db,
        "MATCH (:School {urn: $urn})-[:PROPOSED]->(pr) WHERE pr.createdBy STARTS WITH $prefix RETURN count(pr) AS n",
        { urn: own, prefix: SUBJECT },
      ),
  },
  {
    name: "respondToProposal",
    actsFor: () => invitee,
    expected: schoolWrites,
    arrange: () => proposal(),
    act: (caller, id) => run(caller, invitee, RESPOND, { id, urn: invitee, accept: false }),
    state: async (id) =>
      query(
        api().db,
        "MATCH (:PartnershipProposal {id: $id})-[i:INVITES]->() RETURN i.status AS status",
        {
          id,
        },
      ),
  },
  {
    name: "leavePartnership",
    actsFor: () => invitee,
    expected: schoolWrites,
    arrange: async () => {
      const id = await proposal();
      const data = await adminRun(RESPOND, { id, urn: invitee, accept: true });
      return (data["respondToProposal"] as { partnership: { id: string } }).partnership.id;
    },
    act: (caller, partnershipId) =>
      run(
        caller,
        invitee,
        "mutation ($urn: Int!, $id: ID!) { leavePartnership(urn: $urn, partnershipId: $id) { outcome } }",
        { urn: invitee, id: partnershipId },
      ),
    state: async (partnershipId) =>
      query(
        api().db,
        "MATCH (:School {urn: $urn})-[m:MEMBER_OF]->(:Partnership {id: $id}) RETURN count(m) AS n",
        { urn: invitee, id: partnershipId },
      ),
  },
  {
    name: "partnershipProposal (read)",
    expected: partiesAndOversight,
    arrange: () => proposal(),
    act: (caller, id) =>
      run(caller, own, "query ($id: ID!) { partnershipProposal(id: $id) { id } }", { id }),
  },
  {
    name: "partnershipProposals (read)",
    expected: partiesAndOversight,
    act: (caller) =>
      run(caller, own, "query ($urn: Int!) { partnershipProposals(urn: $urn) { id } }", {
        urn: own,
      }),
  },
  {
    name: "auditEvents (read)",
    expected: {
      ...schoolWrites,
      "school (own)": "FORBIDDEN",
      "oversight (own region)": "ALLOWED",
    },
    act: (caller) =>
      run(
        caller,
        own,
        "query ($region: String!) { auditEvents(filter: { regionCode: $region }, first: 5) { edges { node { id } } } }",
        { region: REGION },
      ),
  },
  {
    name: "recordSupportEngagement",
    expected: leaderWrites,
    arrange: withoutEngagements,
    act: (caller) =>
      run(caller, own, RECORD, {
        input: { systemLeaderId: leaderId, urn: own, focus: "Reading" },
      }),
    state: async () =>
      query(api().db, "MATCH (:SystemLeader {id: $id})-[r:SUPPORTS]->() RETURN count(r) AS n", {
        id: leaderId,
      }),
  },
  {
    name: "closeSupportEngagement",
    expected: leaderWrites,
    arrange: async () => {
      await withoutEngagements();
      const data = await adminRun(RECORD, {
        input: { systemLeaderId: leaderId, urn: own, focus: "Reading" },
      });
      return (data["recordSupportEngagement"] as { id: string }).id;
    },
    act: (caller, id) =>
      run(
        caller,
        own,
        'mutation ($id: ID!) { closeSupportEngagement(input: { engagementId: $id, outcome: "Done" }) { id } }',
        { id },
      ),
    state: async (id) =>
      query(api().db, "MATCH ()-[r:SUPPORTS {id: $id}]->() RETURN r.end AS end, r.outcome AS o", {
        id,
      }),
  },
  {
    name: "designateSystemLeader",
    expected: adminOnly,
    act: (caller) =>
      run(caller, own, DESIGNATE, {
        input: { urn: own, designation: "SLE", specialisms: ["ENGLISH"], capacity: 1 },
      }),
    state: async () =>
      query(
        api().db,
        "MATCH (l:SystemLeader)-[:BASED_AT]->(:School {urn: $urn}) WHERE l.createdBy STARTS WITH $prefix RETURN count(l) AS n",
        { urn: own, prefix: SUBJECT },
      ),
  },
  {
    name: "revokeSystemLeader",
    expected: adminOnly,
    arrange: () => designated(own),
    act: (caller, id) =>
      run(caller, own, "mutation ($id: ID!) { revokeSystemLeader(id: $id) { id } }", { id }),
    state: async (id) =>
      query(api().db, "MATCH (l:SystemLeader {id: $id}) RETURN count(l) AS n", { id }),
  },
  {
    name: "recomputeFamilies",
    expected: adminOnly,
    // A real run would replace the shared database's current families; 5 is refused once authorised.
    allowedCode: "BAD_USER_INPUT",
    act: (caller) => run(caller, own, "mutation { recomputeFamilies(targetSize: 5) { version } }"),
    state: async () =>
      query(api().db, "MATCH (r:FamilyRun {current: true}) RETURN r.version AS version"),
  },
];

function outcomeOf(result: OperationResult<unknown>): Outcome | string {
  const code = result.errors?.[0]?.extensions?.["code"];
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return code;
  // Allowed: whatever else happened, authorisation let it through.
  return code === undefined
    ? "ALLOWED"
    : `ALLOWED but ${String(code)}: ${result.errors?.[0]?.message}`;
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, 380);
  [own, other, invitee] = (await area.schools({ governance: "MAINTAINED", count: 3 })) as [
    number,
    number,
    number,
  ];
  leaderId = await designated(other);
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe.each(OPERATIONS)("$name", (operation) => {
  it.each(CALLERS)("when called by %s, then the outcome is as the policy says", async (caller) => {
    const arranged = (await operation.arrange?.()) ?? "";
    const before = await operation.state?.(arranged);

    const result = await operation.act(caller, arranged);

    const expected = operation.expected[caller];
    const allowedCode = operation.allowedCode;
    if (expected === "ALLOWED" && allowedCode !== undefined) {
      expect(outcomeOf(result)).toContain(`ALLOWED but ${allowedCode}`);
    } else {
      expect(outcomeOf(result)).toBe(expected);
    }
    if (expected !== "ALLOWED" && operation.state) {
      expect(await operation.state(arranged)).toEqual(before);
    }
  });
});
