/**
 * Generated invalid input thrown at every mutation of this release (fast-check, seeded): each
 * answer is a typed client error, never INTERNAL_SERVER_ERROR, and the graph does not change.
 * Every sample starts from a valid request and breaks it in at least one way, so none can
 * succeed by chance. Fixtures are the test's own authority and schools, copied from Norfolk's
 * (TestArea), removed afterwards with everything written. Samples are sent
 * as an admin unless a test says otherwise, so validation and the graph, not authorisation,
 * answer them. FUZZ_SEED=<n> runs the file with another seed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../../src/auth/tokens.js";
import { ID_PATTERN } from "../../src/hardening/input-decorators.js";
import { dataOf, testToken, useApi, type OperationResult } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("fuzz");
const RUNS = { seed: Number(process.env["FUZZ_SEED"] ?? 20_251_122), numRuns: 60 };
const NORFOLK = 926;
/** A real LA's code: its council's staff and clusters may not take the test's own schools. */
const SUFFOLK = 935;
/** Relationship types the mutations fuzzed here create or remove. */
const WRITTEN_TYPES = [
  "MEMBER_OF",
  "INVITES",
  "ADVISES",
  "WORKS_FOR",
  "AWARDED_TO",
  "LANDS_ON",
  "OVERSEEN_BY",
  "FOLLOWS_MODEL",
  "CHAIRS",
  "SITS_ON",
  "REPRESENTS",
];
const TYPED_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
]);

/** The test's own authority, modelled on Norfolk, and schools of it. */
let ownLa = 0;
let a = 0;
let b = 0;
let c = 0;
let proposalId = "";
let partnershipId = "";
let admin = "";
let schoolA = "";
/** The test's schools adopted as a cluster under a board before the fuzzing. */
let d = 0;
let e = 0;
let boardId = "";
let clusterId = "";
/** Council improvement officers of the test's authority: one advising a, one advising nobody. */
let officerId = "";
let spareOfficerId = "";
/** An establishment that is no open school, an open Suffolk school, a partnership with no members. */
let closedUrn = 0;
let suffolkUrn = 0;
let memberlessId = "";

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
      // Memberships from this file's proposals only.
      subject: SUBJECT,
    },
  );
  return { state, release: await releaseSnapshot() };
}

/**
 * What this release's mutations could write: anything made under the fuzzer's subject, and
 * the fixtures' properties and links of the types those mutations write (boards, clusters,
 * leaders, advisers, grants). Schools' own properties are in `snapshot`.
 */
async function releaseSnapshot(): Promise<unknown> {
  const [state] = await query(
    api().db,
    `CALL () {
       UNWIND $urns AS urn
       MATCH (n:Establishment {urn: urn})
       RETURN n, toString(n.urn) AS key, null AS properties
       UNION ALL
       UNWIND $partnershipIds AS id
       MATCH (n:Partnership {id: id})
       RETURN n, id AS key, properties(n) AS properties
       UNION ALL
       UNWIND $adviserIds AS id
       MATCH (n:Adviser {id: id})
       RETURN n, id AS key, properties(n) AS properties
       UNION ALL
       UNWIND $laCodes AS code
       MATCH (n:LocalAuthority {code: code})
       RETURN n, 'la-' + toString(n.code) AS key, {clustersChangedAt: n.clustersChangedAt} AS properties
     }
     WITH n, key, properties ORDER BY key
     WITH collect({
       key: key,
       properties: properties,
       links: COLLECT {
         MATCH (n)-[r]-(m) WHERE type(r) IN $types
         WITH n, r, m ORDER BY type(r), elementId(r)
         RETURN r {.*, type: type(r), outgoing: startNode(r) = n,
           other: coalesce(m.id, toString(m.urn), toString(m.code))}
       }
     }) AS fixtures
     RETURN fixtures,
       COUNT { MATCH (x:Adviser) WHERE x.createdBy STARTS WITH $fuzzer } AS fuzzAdvisers,
       COUNT { MATCH ()-[r:ADVISES]->() WHERE r.assignedBy STARTS WITH $fuzzer } AS fuzzAssignments,
       COUNT { MATCH (x:Grant) WHERE x.createdBy STARTS WITH $fuzzer } AS fuzzGrants,
       COUNT { MATCH (x:Partnership) WHERE x.createdBy STARTS WITH $fuzzer } AS fuzzPartnerships,
       COUNT { MATCH (x:Leader) WHERE x.createdBy STARTS WITH $fuzzer } AS fuzzLeaders`,
    {
      urns: [a, b, c, d, e, 131747, closedUrn, suffolkUrn],
      partnershipIds: [partnershipId, boardId, clusterId, memberlessId, "gias-3320"],
      adviserIds: [officerId, spareOfficerId],
      laCodes: [ownLa, SUFFOLK],
      types: WRITTEN_TYPES,
      fuzzer: `${SUBJECT}-fuzzer`,
    },
  );
  return state;
}

/** Asserts a typed error and no data; returns the first error's code. */
function expectTypedError(
  result: OperationResult<unknown>,
  field: string,
  variables?: unknown,
): string {
  const sent = variables === undefined ? undefined : `sent ${JSON.stringify(variables)}`;
  expect(result.errors?.length ?? 0, sent).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    const code = String(error.extensions?.["code"]);
    if (!TYPED_CODES.has(code)) {
      throw new Error(`Untyped error ${code}: ${error.message}${sent ? `; ${sent}` : ""}`);
    }
  }
  expect((result.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
  return String(result.errors?.[0]?.extensions?.["code"]);
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
/** URNs outside 1..9,999,999, refused before the graph is read. */
const malformedUrn = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 0 }),
  fc.integer({ min: 10_000_000, max: 2 ** 31 - 1 }),
);
/** Well-formed URNs no establishment has. */
const unknownUrn = fc.integer({ min: 9_000_000, max: 9_999_999 });
/** LA codes that are not 3 digits. */
const malformedLaCode = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 99 }),
  fc.integer({ min: 1000, max: 2 ** 31 - 1 }),
);
/** 3-digit codes no local authority has (none is below 201). */
const unknownLaCode = fc.integer({ min: 100, max: 199 });
/** More URNs than a list may hold, none of them looked up. */
const tooManyUrns = (max: number) =>
  fc.array(fc.integer({ min: 100_000, max: 999_999 }), { minLength: max + 1, maxLength: max + 40 });

/**
 * Text outside `min` to `max` characters: blank or too short once trimmed (when `min` asks for
 * text), too long, with a control character or a lone surrogate, or not text at all. Never
 * null, which optional fields take.
 */
function invalidText(min: number, max: number): fc.Arbitrary<unknown> {
  const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }));
  return fc.oneof(
    ...(min >= 1
      ? [
          fc.constantFrom("", " ", "\t\n", "\u00a0\u2003", " ".repeat(max + 5)),
          fc.string({ maxLength: min - 1 }).map((text) => `   ${text} `),
        ]
      : []),
    fc.string({ minLength: max + 1, maxLength: max + 60 }),
    fc
      .tuple(fc.string({ maxLength: 10 }), control, fc.string({ maxLength: 10 }))
      .map(([before, code, after]) => `Name ${before}${String.fromCharCode(code)}${after}`),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => `Name ${String.fromCharCode(code)}`),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(["Name"]), fc.constant({ name: "Name" })),
  );
}
/** Not a LocalDate: impossible days, other formats, other types. */
const badLocalDate = fc.oneof(
  fc.constantFrom("2025-13-01", "2025-02-29", "2025-04-31", "25-09-01", "2025-9-1", "01/09/2025"),
  fc.constantFrom("2025-09-01T00:00:00Z", " 2025-09-01", "today", ""),
  fc.integer(),
  fc.boolean(),
);
/** Ids that name nothing: malformed, or well formed and unknown. */
const unknownId = fc.oneof(
  junk,
  fc.uuid({ version: 4 }).map((uuid) => `svc-${uuid}`),
  fc.constantFrom("gias-does-not-exist", "gias-0"),
);
type Loose = Record<string, unknown>;
interface AdoptionInput extends Loose {
  board: Loose & { chair: Loose; members: Loose[] };
  clusters: Loose[];
}

/** A valid adoption of one cluster in the test's authority under a board, the member representing a school. */
function adoptionInput(urns: number[], memberUrn: number): AdoptionInput {
  return {
    localAuthorityCode: ownLa,
    board: {
      name: "Norfolk fuzz board",
      chair: { name: "Jo Chair", organisation: "Independent" },
      members: [{ name: "Sam Head", role: "Primary headteacher representative", urn: memberUrn }],
    },
    clusters: [{ name: "Norfolk fuzz cluster", urns }],
  };
}

/** A valid registration of the test authority's council improvement officer. */
function registerInput(): Loose {
  return {
    name: "Robin Officer",
    kind: "COUNCIL_IMPROVEMENT_OFFICER",
    organisation: "Norfolk County Council",
    localAuthorityCode: ownLa,
  };
}

/** A valid £100 grant to a school, for a year from September 2025. */
function grantInput(recipientUrn: number): Loose {
  return {
    fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
    amountPence: 10_000,
    matchedPence: 0,
    funder: "Department for Education",
    awardedOn: "2025-07-01",
    startsOn: "2025-09-01",
    endsOn: "2026-08-31",
    purpose: "Reading recovery",
    recipientUrn,
  };
}

/** A way to break a valid input, applied to a fresh copy of it. */
type Breaker<T extends Loose = Loose> = fc.Arbitrary<(input: T) => void>;

/**
 * Sends `base()` broken by one to three breakers, and by one the graph refuses on its own (so
 * the checks made in the graph are reached, not only validation), as an admin: every answer
 * must be a typed error. Returns the codes seen.
 */
async function fuzzInput<T extends Loose>(
  mutation: string,
  field: string,
  base: () => T,
  { malformed, refusedByTheGraph }: { malformed: Breaker<T>[]; refusedByTheGraph: Breaker<T>[] },
): Promise<Set<string>> {
  const codes = new Set<string>();
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.array(fc.oneof(...malformed, ...refusedByTheGraph), { minLength: 1, maxLength: 3 }),
        fc.oneof(...refusedByTheGraph).map((breakIt) => [breakIt]),
      ),
      async (breaks) => {
        const input = base();
        for (const breakIt of breaks) breakIt(input);
        const result = await api().executeText(mutation, { input }, { token: admin });
        codes.add(expectTypedError(result, field, input));
      },
    ),
    RUNS,
  );
  return codes;
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, NORFOLK);
  ownLa = area.laCode;
  [a, b, c, d, e] = (await area.schools({ governance: "MAINTAINED", count: 5 })) as [
    number,
    number,
    number,
    number,
    number,
  ];
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

  const [found] = await query<{ closed: unknown; suffolk: unknown; memberless: string }>(
    api().db,
    `RETURN
       COLLECT { MATCH (x:Establishment) WHERE NOT x:School RETURN x.urn ORDER BY x.urn LIMIT 1 }[0] AS closed,
       COLLECT { MATCH (s:School {laCode: $suffolk}) RETURN s.urn ORDER BY s.urn LIMIT 1 }[0] AS suffolk,
       COLLECT {
         MATCH (p:Partnership) WHERE p.id STARTS WITH 'gias-'
           AND NOT EXISTS { (:School)-[:MEMBER_OF]->(p) } AND NOT EXISTS { ()-[:OVERSEEN_BY]->(p) }
         RETURN p.id ORDER BY p.id LIMIT 1
       }[0] AS memberless`,
    { suffolk: SUFFOLK },
  );
  closedUrn = Number(found?.closed);
  suffolkUrn = Number(found?.suffolk);
  memberlessId = String(found?.memberless);

  // d and e adopted as a cluster, an officer of the test's authority advising a, another advising nobody, and a
  // grant to e: each made with the input the fuzzing below starts from, so that input is valid.
  const adopted = dataOf(
    await api().executeText(
      `mutation ($input: AdoptClustersInput!) { adoptClusters(input: $input) { board { id } clusters { id } } }`,
      { input: adoptionInput([d, e], d) },
      { token: setup },
    ),
  ) as { adoptClusters: { board: { id: string }; clusters: { id: string }[] } };
  boardId = adopted.adoptClusters.board.id;
  clusterId = adopted.adoptClusters.clusters[0]!.id;
  const register = async () =>
    (
      dataOf(
        await api().executeText(
          `mutation ($input: RegisterAdviserInput!) { registerAdviser(input: $input) { id } }`,
          { input: registerInput() },
          { token: setup },
        ),
      ) as { registerAdviser: { id: string } }
    ).registerAdviser.id;
  officerId = await register();
  spareOfficerId = await register();
  dataOf(
    await api().executeText(
      `mutation ($input: AssignAdviserInput!) { assignAdviser(input: $input) { id } }`,
      { input: { adviserId: officerId, urns: [a], since: "2025-09-01" } },
      { token: setup },
    ),
  );
  dataOf(
    await api().executeText(
      `mutation ($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`,
      { input: grantInput(e) },
      { token: setup },
    ),
  );
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
    return { state, release: await releaseSnapshot() };
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
      // The name is optional and 2 to 120 characters.
      invalidText(2, 120).map((name) => (input) => void (input["name"] = name)),
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

describe("adoptClusters with generated invalid input", () => {
  const ADOPT = `mutation ($input: AdoptClustersInput!) { adoptClusters(input: $input) { board { id } } }`;
  const eachCluster = (key: string, value: unknown) => (input: AdoptionInput) => {
    for (const cluster of input.clusters) cluster[key] = value;
  };
  const eachMember = (key: string, value: unknown) => (input: AdoptionInput) => {
    for (const member of input.board.members) member[key] = value;
  };

  /**
   * Ways to break a valid adoption of a and c, built once the fixtures exist: `malformed` ones
   * validation catches, and well-formed ones the graph refuses.
   */
  function breakers(): {
    malformed: Breaker<AdoptionInput>[];
    refusedByTheGraph: Breaker<AdoptionInput>[];
  } {
    const malformed: Breaker<AdoptionInput>[] = [
      fc
        .oneof(malformedLaCode, notAnInt)
        .map((code) => (input) => void (input["localAuthorityCode"] = code)),
      fc
        .oneof(invalidText(3, 120), fc.constant(null))
        .map((name) => (input) => void (input.board["name"] = name)),
      fc.constant((input) => void Object.assign(input.board, { chair: null })),
      fc
        .oneof(invalidText(2, 120), fc.constant(null))
        .map((name) => (input) => void Object.assign(input.board.chair ?? {}, { name })),
      // The organisation is optional and may be blank, so only what no text may be.
      invalidText(0, 120).map((organisation) => (input) => {
        Object.assign(input.board.chair ?? {}, { organisation });
      }),
      fc.integer({ min: 31, max: 45 }).map((count) => (input) => {
        input.board.members = Array.from({ length: count }, (_, i) => ({
          name: `Member ${i + 1}`,
          role: "Governor representative",
        }));
      }),
      fc.oneof(invalidText(2, 120), fc.constant(null)).map((name) => eachMember("name", name)),
      fc.oneof(invalidText(2, 80), fc.constant(null)).map((role) => eachMember("role", role)),
      // Null is fine: a member need not represent a school.
      fc
        .oneof(
          malformedUrn,
          notAnInt.filter((value) => value !== null),
        )
        .map((urn) => eachMember("urn", urn)),
      fc.constant((input) => void (input.clusters = [])),
      fc.integer({ min: 101, max: 120 }).map((count) => (input) => {
        input.clusters = Array.from({ length: count }, (_, i) => ({
          name: `Cluster ${i + 1}`,
          urns: [a, c],
        }));
      }),
      // A school in two clusters.
      fc.constant((input) => {
        input.clusters = [
          { name: "First cluster", urns: [a, c] },
          { name: "Second cluster", urns: [c, b] },
        ];
      }),
      fc.oneof(invalidText(3, 120), fc.constant(null)).map((name) => eachCluster("name", name)),
      fc
        .oneof(
          fc.constant([a]),
          fc.constant([a, a]),
          tooManyUrns(80),
          malformedUrn.map((urn) => [a, urn]),
          fc.array(notAnInt, { minLength: 1, maxLength: 3 }),
          fc.constant(null),
        )
        .map((urns) => eachCluster("urns", urns)),
      fc.constant((input) => void (input["unexpected"] = true)),
    ];
    /** Well-formed adoptions the graph refuses; each sample applies one of these alone. */
    const refusedByTheGraph: Breaker<AdoptionInput>[] = [
      // No such council; a real council, but not the one the schools are in.
      fc
        .oneof(unknownLaCode, fc.constant(SUFFOLK))
        .map((code) => (input) => void (input["localAuthorityCode"] = code)),
      // No such school, not an open school, a school of another council.
      fc
        .oneof(
          unknownUrn.map((urn) => [a, urn]),
          fc.constantFrom([a, closedUrn], [a, suffolkUrn]),
        )
        .map((urns) => eachCluster("urns", urns)),
      // A school already in an open cluster (d and e are).
      fc.constantFrom([a, d], [e, c]).map((urns) => eachCluster("urns", urns)),
      fc.oneof(unknownUrn, fc.constant(closedUrn)).map((urn) => eachMember("urn", urn)),
    ];
    return { malformed, refusedByTheGraph };
  }

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const codes = await fuzzInput(
      ADOPT,
      "adoptClusters",
      // Valid: a and c adopted as one cluster, a's head on the board.
      () => adoptionInput([a, c], a),
      breakers(),
    );
    // The samples reached the checks made in the graph, not only validation.
    expect([...codes]).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND"]));
    expect(await snapshot()).toEqual(before);
  });
});

describe("registerAdviser, assignAdviser and unassignAdviser with generated invalid input", () => {
  const KINDS = [
    "COUNCIL_IMPROVEMENT_OFFICER",
    "SCHOOL_IMPROVEMENT_PARTNER",
    "TRUST_SCHOOL_IMPROVEMENT_LEAD",
  ];

  it("when registerAdviser gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    // Breakers that touch the employer set every field that decides it, so no two of them
    // combine into a valid adviser (the base is a council officer, which needs its council).
    const codes = await fuzzInput(
      `mutation ($input: RegisterAdviserInput!) { registerAdviser(input: $input) { id } }`,
      "registerAdviser",
      registerInput,
      {
        malformed: [
          fc
            .oneof(invalidText(2, 120), fc.constant(null))
            .map((name) => (input) => void (input["name"] = name)),
          fc
            .oneof(invalidText(2, 200), fc.constant(null))
            .map((organisation) => (input) => void (input["organisation"] = organisation)),
          fc
            .oneof(
              junk.filter((kind) => !KINDS.includes(kind)),
              fc.constant(null),
              fc.integer(),
            )
            .map((kind) => (input) => void (input["kind"] = kind)),
          fc
            .oneof(
              malformedLaCode,
              notAnInt.filter((value) => value !== null),
            )
            .map((code) => (input) => void (input["localAuthorityCode"] = code)),
          // A council and a partnership, for any kind.
          fc
            .tuple(fc.constantFrom(...KINDS), fc.oneof(junk, fc.constant(partnershipId)))
            .map(([kind, id]) => (input) => {
              Object.assign(input, { kind, localAuthorityCode: ownLa, partnershipId: id });
            }),
          // A council officer without a council; a trust lead without a trust.
          fc.constant((input) => {
            Object.assign(input, {
              kind: "COUNCIL_IMPROVEMENT_OFFICER",
              localAuthorityCode: null,
              partnershipId: null,
            });
          }),
          fc.constant((input) => void (input["kind"] = "TRUST_SCHOOL_IMPROVEMENT_LEAD")),
          fc.constant((input) => void (input["unexpected"] = true)),
        ],
        refusedByTheGraph: [
          unknownLaCode.map((code) => (input) => void (input["localAuthorityCode"] = code)),
          fc
            .tuple(
              fc.constantFrom(...KINDS),
              unknownId.filter((id) => ID_PATTERN.test(id)),
            )
            .map(([kind, id]) => (input) => {
              Object.assign(input, { kind, localAuthorityCode: null, partnershipId: id });
            }),
        ],
      },
    );
    expect([...codes]).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "NOT_FOUND"]));
    expect(await snapshot()).toEqual(before);
  });

  it("when assignAdviser gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const urns = (list: unknown) => (input: Loose) => void (input["urns"] = list);
    const codes = await fuzzInput(
      `mutation ($input: AssignAdviserInput!) { assignAdviser(input: $input) { id } }`,
      "assignAdviser",
      // Valid: the spare officer takes on c.
      (): Loose => ({ adviserId: spareOfficerId, urns: [c], since: "2025-09-01" }),
      {
        malformed: [
          fc
            .oneof(
              junk.filter((id) => !ID_PATTERN.test(id)),
              fc.constant(null),
            )
            .map((id) => (input) => void (input["adviserId"] = id)),
          fc
            .oneof(
              fc.constant([]),
              tooManyUrns(200),
              malformedUrn.map((urn) => [c, urn]),
              fc.array(notAnInt, { minLength: 1, maxLength: 3 }),
              fc.constant(null),
            )
            .map(urns),
          badLocalDate.map((since) => (input) => void (input["since"] = since)),
          fc.constant((input) => void (input["unexpected"] = true)),
        ],
        refusedByTheGraph: [
          // No adviser, or a partnership's or a board's id.
          fc
            .oneof(
              unknownId.filter((id) => ID_PATTERN.test(id)),
              fc.constant(partnershipId),
              fc.constant(boardId),
            )
            .map((id) => (input) => void (input["adviserId"] = id)),
          // No open school; a school of another council; a school that has a council officer.
          fc
            .oneof(
              unknownUrn.map((urn) => [c, urn]),
              fc.constantFrom([c, closedUrn], [suffolkUrn], [c, a], [a]),
            )
            .map(urns),
        ],
      },
    );
    expect([...codes]).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND"]));
    expect(await snapshot()).toEqual(before);
  });

  it("when unassignAdviser gets any of them, then a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    const codes = await fuzzInput(
      `mutation ($input: UnassignAdviserInput!) { unassignAdviser(input: $input) { id } }`,
      "unassignAdviser",
      // Valid: the officer stops advising a.
      (): Loose => ({ adviserId: officerId, urn: a }),
      {
        malformed: [
          fc
            .oneof(
              junk.filter((id) => !ID_PATTERN.test(id)),
              fc.constant(null),
            )
            .map((id) => (input) => void (input["adviserId"] = id)),
          fc.oneof(malformedUrn, notAnInt).map((urn) => (input) => void (input["urn"] = urn)),
          // A field the input does not have.
          fc.constant((input) => void (input["urns"] = [a])),
        ],
        refusedByTheGraph: [
          // No adviser; an adviser that does not advise a.
          fc
            .oneof(
              unknownId.filter((id) => ID_PATTERN.test(id)),
              fc.constant(spareOfficerId),
            )
            .map((id) => (input) => void (input["adviserId"] = id)),
          // A school the officer does not advise, or no open school.
          fc
            .oneof(unknownUrn, fc.constantFrom(b, c, closedUrn, suffolkUrn))
            .map((urn) => (input) => void (input["urn"] = urn)),
        ],
      },
    );
    expect([...codes]).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "NOT_FOUND"]));
    expect(await snapshot()).toEqual(before);
  });
});

describe("recordGrant with generated invalid input", () => {
  const RECORD = `mutation ($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`;
  const MAX_PENCE = 2_000_000_000;
  const set = (key: string) => (value: unknown) => (input: Loose) => void (input[key] = value);
  /** The ISO date `days` before 2025-09-01. */
  const daysBeforeStart = (days: number) =>
    new Date(Date.UTC(2025, 8, 1) - days * 86_400_000).toISOString().slice(0, 10);

  /** Ways to break a valid grant to c: `malformed` ones, and well-formed ones the graph refuses. */
  function breakers(): { malformed: Breaker[]; refusedByTheGraph: Breaker[] } {
    const malformed: Breaker[] = [
      fc
        .oneof(
          junk.filter((fund) => !/^[A-Z_]+$/.test(fund)),
          fc.constantFrom("SSIF", "strategic_school_improvement_fund"),
          fc.constant(null),
        )
        .map(set("fund")),
      // OTHER needs a name.
      fc.constant((input) => void Object.assign(input, { fund: "OTHER", fundName: null })),
      invalidText(2, 200).map(set("fundName")),
      fc
        .oneof(
          fc.integer({ min: -(2 ** 31), max: 0 }),
          fc.integer({ min: MAX_PENCE + 1, max: 2 ** 31 - 1 }),
          notAnInt,
        )
        .map(set("amountPence")),
      fc
        .oneof(
          fc.integer({ min: -(2 ** 31), max: -1 }),
          fc.integer({ min: MAX_PENCE + 1, max: 2 ** 31 - 1 }),
          notAnInt,
        )
        .map(set("matchedPence")),
      // Matched, but not saying by whom.
      fc.integer({ min: 1, max: MAX_PENCE }).map((pence) => (input) => {
        Object.assign(input, { matchedPence: pence, matchedBy: null });
      }),
      invalidText(2, 200).map(set("matchedBy")),
      fc.oneof(invalidText(2, 200), fc.constant(null)).map(set("funder")),
      fc.oneof(invalidText(3, 1000), fc.constant(null)).map(set("purpose")),
      fc
        .tuple(
          fc.constantFrom("awardedOn", "startsOn", "endsOn"),
          fc.oneof(badLocalDate, fc.constant(null)),
        )
        .map(([key, date]) => set(key)(date)),
      // Ending before it starts.
      fc.integer({ min: 1, max: 3650 }).map((days) => (input) => {
        Object.assign(input, { startsOn: "2025-09-01", endsOn: daysBeforeStart(days) });
      }),
      // Both recipients, or neither.
      fc.constant((input) => {
        Object.assign(input, { recipientUrn: c, recipientPartnershipId: partnershipId });
      }),
      fc.constant((input) => {
        Object.assign(input, { recipientUrn: null, recipientPartnershipId: null });
      }),
      fc
        .oneof(
          malformedUrn,
          notAnInt.filter((value) => value !== null),
        )
        .map(set("recipientUrn")),
      junk
        .filter((id) => !ID_PATTERN.test(id))
        .map((id) => (input) => {
          Object.assign(input, { recipientUrn: null, recipientPartnershipId: id });
        }),
      fc.constant((input) => void (input["unexpected"] = true)),
    ];
    const refusedByTheGraph: Breaker[] = [
      // No open school with the URN.
      fc.oneof(unknownUrn, fc.constant(closedUrn)).map(set("recipientUrn")),
      // No such partnership; a partnership with no members now, so the money would land nowhere.
      fc
        .oneof(
          unknownId.filter((id) => ID_PATTERN.test(id)),
          fc.constant(memberlessId),
        )
        .map((id) => (input) => {
          Object.assign(input, { recipientUrn: null, recipientPartnershipId: id });
        }),
    ];
    return { malformed, refusedByTheGraph };
  }

  it("when any of them is sent, then the answer is a typed error and the graph is unchanged", async () => {
    const before = await snapshot();
    // Valid: £100 to c.
    const codes = await fuzzInput(RECORD, "recordGrant", () => grantInput(c), breakers());
    expect([...codes]).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND"]));
    expect(await snapshot()).toEqual(before);
  });
});

describe("many invalid variable values at once", () => {
  it("when more values are invalid than graphql-js reports (50), then the answer is still BAD_USER_INPUT", async () => {
    const before = await snapshot();
    const adoption = adoptionInput([a, c], a);
    adoption.clusters = Array.from({ length: 60 }, () => ({ name: null, urns: [a, c] }));
    const adopted = await api().executeText(
      `mutation ($input: AdoptClustersInput!) { adoptClusters(input: $input) { board { id } } }`,
      { input: adoption },
      { token: admin },
    );
    const assigned = await api().executeText(
      `mutation ($input: AssignAdviserInput!) { assignAdviser(input: $input) { id } }`,
      { input: { adviserId: spareOfficerId, urns: Array.from({ length: 60 }, () => "x") } },
      { token: admin },
    );

    for (const result of [adopted, assigned]) {
      expect(result.errors?.map((error) => error.extensions?.["code"])).toContain("BAD_USER_INPUT");
      expect(result.errors?.map((error) => error.extensions?.["code"])).not.toContain(
        "INTERNAL_SERVER_ERROR",
      );
    }
    expect(adopted.errors?.at(-1)?.message).toMatch(/^Too many errors processing variables/);
    expect(await snapshot()).toEqual(before);
  });
});
