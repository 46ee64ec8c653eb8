/**
 * Generated invalid input thrown at every mutation of this release (fast-check, seeded): each
 * answer is a typed client error, never INTERNAL_SERVER_ERROR, and the graph does not change.
 * Every sample starts from a valid request and breaks it in at least one way, so none can
 * succeed by chance. Fixtures are real maintained schools in Norfolk (LA 926).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../../src/auth/tokens.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, pickSchools, query, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("fuzz");
const RUNS = { seed: 20_251_122, numRuns: 60 };
const TYPED_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
]);

let a = 0;
let b = 0;
let c = 0;
let proposalId = "";
let partnershipId = "";
let admin = "";
let schoolA = "";

async function token(claims: TokenClaims): Promise<string> {
  return testToken(claims);
}

/** Everything the fuzzed mutations could touch, so "no change" can be checked whole. */
async function snapshot(): Promise<unknown> {
  const db = api().db;
  const [state] = await query(
    db,
    `MATCH (s:School) WHERE s.urn IN $urns
     WITH collect(s {.urn, .offers, .seeks, .offerUpdatedAt,
       memberships: COLLECT { MATCH (s)-[m:MEMBER_OF]->(p) RETURN p.id + ':' + coalesce(toString(m.leavingOn), '') }
     }) AS schools
     MATCH (pr:PartnershipProposal {id: $proposalId})
     RETURN schools, pr.status AS status, pr.updatedAt AS updatedAt,
       COLLECT { MATCH (pr)-[i:INVITES]->(s) RETURN s.urn + ':' + i.status } AS invitations,
       COUNT { MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $fuzzer } AS fuzzEvents,
       COUNT { MATCH (p:PartnershipProposal) WHERE p.createdBy STARTS WITH $fuzzer } AS fuzzProposals,
       COUNT { MATCH ()-[m:MEMBER_OF]->() WHERE m.key IS NOT NULL } AS keyedMemberships`,
    {
      urns: [a, b, c, 131747],
      proposalId,
      fuzzer: `${SUBJECT}-fuzzer`,
    },
  );
  return state;
}

function expectTypedError(result: OperationResult<unknown>, field: string): void {
  expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    const code = String(error.extensions?.["code"]);
    if (!TYPED_CODES.has(code)) {
      throw new Error(`Untyped error ${code}: ${error.message}`);
    }
  }
  expect((result.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
}

/** A string that is no valid id of any kind we issue. */
const junk = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom("", " ", "gias-", "svc-", "DROP", "' OR 1=1 --", "\u0000", "x".repeat(500)),
);
/** A value of the wrong type for an Int argument. */
const notAnInt = fc.oneof(
  fc.constant(null),
  fc.double({ noInteger: true, noNaN: true }),
  fc.string(),
  fc.constant(2 ** 40),
  fc.boolean(),
);
/** URNs that are out of range or name no open school. */
const badUrn = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 0 }),
  fc.integer({ min: 10_000_000, max: 2 ** 31 - 1 }),
  fc.integer({ min: 9_000_000, max: 9_999_999 }),
);

beforeAll(async () => {
  [a, b, c] = (await pickSchools(api().db, {
    governance: "MAINTAINED",
    laCode: 926,
    count: 3,
  })) as [number, number, number];
  admin = await token({ role: "ADMIN", sub: `${SUBJECT}-fuzzer-admin` });
  schoolA = await token({ role: "SCHOOL", sub: `${SUBJECT}-fuzzer-school`, urn: a });
  const setup = await token({ role: "ADMIN", sub: `${SUBJECT}-setup` });
  // A membership to leave (a and b in an informal collaboration) and a pending invitation (c).
  const formed = dataOf(
    await api().executeText(
      `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      { input: { proposerUrn: a, inviteeUrns: [b], model: "informal-collaboration" } },
      { token: setup },
    ),
  ) as { proposePartnership: { id: string } };
  const accepted = dataOf(
    await api().executeText(
      `mutation ($id: ID!, $urn: Int!) { respondToProposal(proposalId: $id, urn: $urn, accept: true) { partnership { id } } }`,
      { id: formed.proposePartnership.id, urn: b },
      { token: setup },
    ),
  ) as { respondToProposal: { partnership: { id: string } } };
  partnershipId = accepted.respondToProposal.partnership.id;
  const pending = dataOf(
    await api().executeText(
      `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      { input: { proposerUrn: a, inviteeUrns: [c], model: "cluster" } },
      { token: setup },
    ),
  ) as { proposePartnership: { id: string } };
  proposalId = pending.proposePartnership.id;
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("proposePartnership with generated invalid input", () => {
  const PROPOSE = `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`;

  /** Ways to break a valid proposal from a to c; each sample applies one or more. */
  const breakers: fc.Arbitrary<(input: Record<string, unknown>) => void>[] = [
    badUrn.map((urn) => (input) => void (input["proposerUrn"] = urn)),
    notAnInt.map((value) => (input) => void (input["proposerUrn"] = value)),
    fc.constant((input) => void (input["inviteeUrns"] = [])),
    fc
      .array(fc.integer({ min: 100_000, max: 999_999 }), { minLength: 21, maxLength: 40 })
      .map((urns) => (input) => void (input["inviteeUrns"] = urns)),
    fc.constant((input) => void (input["inviteeUrns"] = [c, c])),
    fc.constant((input) => void (input["inviteeUrns"] = [input["proposerUrn"]])),
    badUrn.map((urn) => (input) => void (input["inviteeUrns"] = [urn])),
    fc
      .array(notAnInt, { minLength: 1, maxLength: 3 })
      .map((values) => (input) => void (input["inviteeUrns"] = values)),
    junk.map((model) => (input) => void (input["model"] = model)),
    fc
      .constantFrom("single-academy-trust", "teaching-school-hub", "guild")
      .map((model) => (input) => void (input["model"] = model)),
    fc
      .string({ minLength: 121, maxLength: 400 })
      .map((name) => (input) => void (input["name"] = name)),
    fc
      .constantFrom("  ", "ab", "bad\u0007name", "tab\tname")
      .map((name) => (input) => void (input["name"] = name)),
    junk.map((id) => (input) => void (input["partnershipId"] = id)),
    fc
      .constantFrom("gias-3320", "svc-00000000-0000-4000-8000-000000000000")
      .map((id) => (input) => void (input["partnershipId"] = id)),
    fc.constant((input) => void (input["unexpected"] = true)),
  ];

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (breaks, asAdmin) => {
          const input: Record<string, unknown> = {
            proposerUrn: a,
            inviteeUrns: [c],
            model: "cluster",
          };
          for (const breakIt of breaks) breakIt(input);
          const result = await api().executeText(
            PROPOSE,
            { input },
            { token: asAdmin ? admin : schoolA },
          );
          expectTypedError(result, "proposePartnership");
        },
      ),
      RUNS,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("respondToProposal with generated invalid input", () => {
  const RESPOND = `mutation ($id: ID!, $urn: Int!, $accept: Boolean!) {
    respondToProposal(proposalId: $id, urn: $urn, accept: $accept) { id }
  }`;

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const request = fc.oneof(
      // A real proposal, but a school it does not invite, or no school at all.
      fc.record({
        id: fc.constant(proposalId),
        urn: fc.oneof(badUrn, fc.constant(b), fc.constant(a)),
      }),
      // No such proposal.
      fc.record({ id: fc.oneof(junk, fc.uuid({ version: 4 })), urn: fc.constant(c) }),
      // Wrong types.
      fc.record({ id: fc.constant(proposalId), urn: notAnInt }),
    );
    await fc.assert(
      fc.asyncProperty(
        request,
        fc.oneof(fc.boolean(), fc.constant("yes")),
        async ({ id, urn }, accept) => {
          const result = await api().executeText(RESPOND, { id, urn, accept }, { token: admin });
          expectTypedError(result, "respondToProposal");
        },
      ),
      RUNS,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("leavePartnership with generated invalid input", () => {
  const LEAVE = `mutation ($urn: Int!, $id: ID!) { leavePartnership(urn: $urn, partnershipId: $id) { outcome } }`;

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const request = fc.oneof(
      fc.record({ urn: fc.oneof(badUrn, fc.constant(c)), id: fc.constant(partnershipId) }),
      fc.record({ urn: fc.constant(b), id: fc.oneof(junk, fc.constant("gias-does-not-exist")) }),
      // A GIAS academy trust: leaving needs a DfE-approved transfer, so it is refused.
      fc.record({ urn: fc.constant(131747), id: fc.constant("gias-3320") }),
      fc.record({ urn: notAnInt, id: fc.constant(partnershipId) }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ urn, id }) => {
        const result = await api().executeText(LEAVE, { urn, id }, { token: admin });
        expectTypedError(result, "leavePartnership");
      }),
      RUNS,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateSchoolOffer with generated invalid input", () => {
  const UPDATE = `mutation ($urn: Int!, $offers: [SupportTopic!]!, $seeks: [SupportTopic!]!) {
    updateSchoolOffer(urn: $urn, offers: $offers, seeks: $seeks) { urn }
  }`;
  const topic = fc.constantFrom("SEND", "GOVERNANCE", "MATHEMATICS");

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const request = fc.oneof(
      fc.record({ urn: badUrn, offers: fc.array(topic, { maxLength: 1 }), seeks: fc.constant([]) }),
      fc.record({ urn: notAnInt, offers: fc.constant([]), seeks: fc.constant([]) }),
      fc.record({ urn: fc.constant(a), offers: topic.map((t) => [t, t]), seeks: fc.constant([]) }),
      fc.record({
        urn: fc.constant(a),
        offers: fc.constant([]),
        seeks: topic.map((t) => [t, t, t]),
      }),
      fc.record({
        urn: fc.constant(a),
        offers: fc.array(junk, { minLength: 1, maxLength: 3 }),
        seeks: fc.constant([]),
      }),
      fc.record({ urn: fc.constant(a), offers: fc.constant(null), seeks: fc.constant([]) }),
    );
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async (variables, asAdmin) => {
        const result = await api().executeText(UPDATE, variables, {
          token: asAdmin ? admin : schoolA,
        });
        expectTypedError(result, "updateSchoolOffer");
      }),
      RUNS,
    );
    expect(await snapshot()).toEqual(before);
  });
});
