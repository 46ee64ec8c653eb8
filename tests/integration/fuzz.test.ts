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
       COUNT {
         MATCH ()-[m:MEMBER_OF]->() WHERE m.key IS NOT NULL
         MATCH (made:PartnershipProposal {id: m.proposalId}) WHERE made.createdBy STARTS WITH $subject
       } AS keyedMemberships`,
    {
      urns: [a, b, c, 131747],
      proposalId,
      fuzzer: `${SUBJECT}-fuzzer`,
      // Memberships from this file's proposals only: other test files accept proposals meanwhile.
      subject: SUBJECT,
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

describe("support engagements, designations and recomputeFamilies with generated invalid input", () => {
  let leaderId = "";
  let engagementId = "";

  /** The fuzz leader, its engagements, leaders at the fixture schools, the current families run. */
  async function supportSnapshot(): Promise<unknown> {
    const [state] = await query(
      api().db,
      `MATCH (l:SystemLeader {id: $id})
       RETURN l {.*} AS leader,
         COLLECT { MATCH (l)-[r:SUPPORTS]->(s) RETURN r {.*, urn: s.urn} } AS engagements,
         COUNT { MATCH (x:SystemLeader)-[:BASED_AT]->(s:School) WHERE s.urn IN $urns } AS leadersAtFixtures,
         COUNT { MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $fuzzer } AS fuzzEvents,
         COLLECT { MATCH (run:FamilyRun {current: true}) RETURN run.version } AS currentRuns`,
      { id: leaderId, urns: [a, b, c], fuzzer: `${SUBJECT}-fuzzer` },
    );
    return state;
  }

  beforeAll(async () => {
    const setup = await token({ role: "ADMIN", sub: `${SUBJECT}-setup` });
    // A leader at capacity: one place, taken by an open engagement with b.
    const designated = dataOf(
      await api().executeText(
        `mutation { designateSystemLeader(input: { urn: ${a}, designation: NLE, capacity: 1 }) { id } }`,
        {},
        { token: setup },
      ),
    ) as { designateSystemLeader: { id: string } };
    leaderId = designated.designateSystemLeader.id;
    const recorded = dataOf(
      await api().executeText(
        `mutation ($id: ID!) { recordSupportEngagement(input: { systemLeaderId: $id, urn: ${b}, focus: "Reading" }) { id } }`,
        { id: leaderId },
        { token: setup },
      ),
    ) as { recordSupportEngagement: { id: string } };
    engagementId = recorded.recordSupportEngagement.id;
  });

  afterAll(async () => {
    await query(
      api().db,
      "MATCH (l:SystemLeader) WHERE l.createdBy STARTS WITH $prefix DETACH DELETE l",
      { prefix: SUBJECT },
    );
  });

  const badText = (max: number) =>
    fc.oneof(
      fc.constantFrom("", "ab", "   ", "bad\u0007text", "\u0000"),
      fc.string({ minLength: max + 1, maxLength: max + 50 }),
      fc.constant(null),
      fc.integer(),
    );
  const badDate = fc.oneof(
    fc.constantFrom("2025-13-01", "2025-02-30", "yesterday", "", "01/02/2025"),
    fc.integer(),
    fc.boolean(),
  );

  it("when recordSupportEngagement gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await supportSnapshot();
    const breakers: fc.Arbitrary<(input: Record<string, unknown>) => void>[] = [
      junk.map((id) => (input) => void (input["systemLeaderId"] = id)),
      badUrn.map((urn) => (input) => void (input["urn"] = urn)),
      notAnInt.map((value) => (input) => void (input["urn"] = value)),
      badText(200).map((focus) => (input) => void (input["focus"] = focus)),
      badDate.map((date) => (input) => void (input["startOn"] = date)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
        async (breaks) => {
          // Valid but for the breaks, and refused even then: the leader is at capacity.
          const input: Record<string, unknown> = {
            systemLeaderId: leaderId,
            urn: c,
            focus: "Maths",
          };
          for (const breakIt of breaks) breakIt(input);
          const result = await api().executeText(
            `mutation ($input: RecordSupportEngagementInput!) { recordSupportEngagement(input: $input) { id } }`,
            { input },
            { token: admin },
          );
          expectTypedError(result, "recordSupportEngagement");
        },
      ),
      RUNS,
    );
    expect(await supportSnapshot()).toEqual(before);
  });

  it("when closeSupportEngagement gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await supportSnapshot();
    const breakers: fc.Arbitrary<(input: Record<string, unknown>) => void>[] = [
      junk.map((id) => (input) => void (input["engagementId"] = id)),
      badText(1000).map((outcome) => (input) => void (input["outcome"] = outcome)),
      badDate.map((date) => (input) => void (input["endOn"] = date)),
      // Before the engagement started (today).
      fc
        .constantFrom("2000-01-01", "2024-12-31")
        .map((date) => (input) => void (input["endOn"] = date)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
        async (breaks) => {
          const input: Record<string, unknown> = { engagementId, outcome: "Improved" };
          for (const breakIt of breaks) breakIt(input);
          const result = await api().executeText(
            `mutation ($input: CloseSupportEngagementInput!) { closeSupportEngagement(input: $input) { id } }`,
            { input },
            { token: admin },
          );
          expectTypedError(result, "closeSupportEngagement");
        },
      ),
      RUNS,
    );
    expect(await supportSnapshot()).toEqual(before);
  });

  it("when designateSystemLeader gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await supportSnapshot();
    const breakers: fc.Arbitrary<(input: Record<string, unknown>) => void>[] = [
      badUrn.map((urn) => (input) => void (input["urn"] = urn)),
      notAnInt.map((value) => (input) => void (input["urn"] = value)),
      junk.map((designation) => (input) => void (input["designation"] = designation)),
      fc.constant((input) => void (input["specialisms"] = ["SEND", "SEND"])),
      junk.map((specialism) => (input) => void (input["specialisms"] = [specialism])),
      fc
        .oneof(fc.integer({ max: 0 }), fc.integer({ min: 51 }), notAnInt)
        .map((capacity) => (input) => void (input["capacity"] = capacity)),
      badText(120)
        .filter((name) => name !== null)
        .map((name) => (input) => void (input["name"] = name)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }),
        async (breaks) => {
          const input: Record<string, unknown> = {
            urn: c,
            designation: "SLE",
            specialisms: ["SEND"],
            capacity: 2,
          };
          for (const breakIt of breaks) breakIt(input);
          const result = await api().executeText(
            `mutation ($input: DesignateSystemLeaderInput!) { designateSystemLeader(input: $input) { id } }`,
            { input },
            { token: admin },
          );
          expectTypedError(result, "designateSystemLeader");
        },
      ),
      RUNS,
    );
    expect(await supportSnapshot()).toEqual(before);
  });

  it("when revokeSystemLeader or recomputeFamilies gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await supportSnapshot();
    const badTarget = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: 9 }),
      fc.integer({ min: 501, max: 2 ** 31 - 1 }),
      fc.double({ noInteger: true, noNaN: true }),
      fc.string(),
    );
    const badSeed = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: -1 }),
      fc.double({ noInteger: true, noNaN: true }),
      fc.string(),
      fc.constant(2 ** 40),
    );
    const request = fc.oneof(
      // Unknown leaders, and the fuzz leader, whose open engagement forbids revoking it.
      fc.record({ revoke: fc.oneof(junk, fc.constant(leaderId)) }),
      fc.record({
        targetSize: badTarget,
        seed: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 }), badSeed),
      }),
      fc.record({
        targetSize: fc.oneof(fc.constant(null), fc.integer({ min: 10, max: 500 })),
        seed: badSeed,
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async (variables) => {
        if ("revoke" in variables) {
          const result = await api().executeText(
            "mutation ($id: ID!) { revokeSystemLeader(id: $id) { id } }",
            { id: variables.revoke },
            { token: admin },
          );
          expectTypedError(result, "revokeSystemLeader");
        } else {
          const result = await api().executeText(
            "mutation ($targetSize: Int, $seed: Int) { recomputeFamilies(targetSize: $targetSize, seed: $seed) { version } }",
            variables,
            { token: admin },
          );
          expectTypedError(result, "recomputeFamilies");
        }
      }),
      RUNS,
    );
    expect(await supportSnapshot()).toEqual(before);
  });
});
