/**
 * What was recorded through the API for a school that has since closed shows on the open school
 * that replaced it, read at request time: its grants, support engagements and proposals, each
 * naming the predecessor's URN. The test makes its own pair in an authority modelled on Luton
 * (TestArea): a copy of one of its schools as the open successor, and a closed establishment
 * (no School) before it, linked by SUCCEEDED_BY as the seed links real pairs. It designates a
 * system leader of its own, attaches records to the predecessor directly, and reads the
 * successor as an admin, as the successor itself, as its oversight and as unrelated callers (an
 * open school of its own in another region, modelled on Leeds). The offers carried by the seed
 * are checked by running the seed step on the pair alone. Removes everything it made.
 */
import { randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carryOffers } from "../../seed/load.js";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  EngagementDesignateLeaderDocument,
  SuccessionEngagementsWithLeaderIdsDocument,
  SuccessionLeaderEngagementsDocument,
  SuccessionOffersDocument,
  SuccessionOffersFromDocument,
  SuccessionProposalsDocument,
  SuccessionRespondDocument,
  SuccessionSchoolHistoryDocument,
  SuccessionUpdateOfferDocument,
  type SuccessionLeaderEngagementsQuery,
  type SuccessionSchoolHistoryQuery,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, queryNumbers, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("succession-history");
const RUN = randomUUID().slice(0, 8);
const PREDECESSOR_GRANT = `svc-test-${RUN}-predecessor`;
const SUCCESSOR_GRANT = `svc-test-${RUN}-successor`;
const ENGAGEMENT = `test-succession-${RUN}`;
const PROPOSED_BY_PREDECESSOR = randomUUID();
const INVITING_PREDECESSOR = randomUUID();
/** The authorities the test's own are modelled on: Luton (East of England), Leeds (Yorkshire). */
const LUTON = 821;
const LEEDS = 383;

interface Pair {
  predecessor: number;
  successor: number;
  regionCode: string;
}

let pair: Pair;
/** An open school in another region, party to nothing of the pair's. */
let unrelated: number;
let otherRegion: string;
/** A system leader the test designates, based at another of its schools. */
let systemLeaderId: string;

type SchoolHistory = NonNullable<SuccessionSchoolHistoryQuery["school"]>;
type LeaderEngagements = NonNullable<SuccessionLeaderEngagementsQuery["systemLeader"]>;

const admin = (): Promise<string> => testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
const schoolToken = (urn: number): Promise<string> =>
  testToken({ role: "SCHOOL", sub: `${SUBJECT}-school-${urn}`, urn });
const oversight = (regionCode: string): Promise<string> =>
  testToken({ role: "OVERSIGHT", sub: `${SUBJECT}-oversight`, regionCodes: [regionCode] });

const cypher = (text: string, params?: Record<string, unknown>) =>
  queryNumbers(api().db, text, params);

async function read<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TData> {
  return dataOf(await api().execute(document, variables, { token }));
}

async function leaderEngagements(token: string): Promise<LeaderEngagements> {
  return (await read(SuccessionLeaderEngagementsDocument, { id: systemLeaderId }, token))
    .systemLeader!;
}

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, LUTON);
  const [successor, base] = await area.schools({ count: 2, where: "t.offerUpdatedAt IS NULL" });
  // A URN of the test's authority that its copies do not reach.
  const predecessor = area.laCode * 1_000 + 999;
  await query(
    api().db,
    `MATCH (la:LocalAuthority {code: $laCode}), (s:School {urn: $successor})
     CREATE (p:Establishment {urn: $predecessor, name: "Test closed school",
       status: "Closed", open: false, closedBy: "2025-03-31", phase: s.phase, laCode: la.code,
       regionCode: s.regionCode, stateFunded: true, createdBy: $subject})
     CREATE (p)-[:IN_LOCAL_AUTHORITY]->(la)
     CREATE (p)-[:SUCCEEDED_BY {source: "test", on: date("2025-04-01")}]->(s)`,
    {
      laCode: neo4j.int(area.laCode),
      successor: neo4j.int(successor!),
      predecessor: neo4j.int(predecessor),
      subject: SUBJECT,
    },
  );
  pair = { predecessor, successor: successor!, regionCode: area.regionCode };

  const elsewhere = await TestArea.create(api().db, SUBJECT, LEEDS);
  const [other] = await elsewhere.schools({ count: 1 });
  unrelated = other!;
  otherRegion = elsewhere.regionCode;
  expect(otherRegion).not.toBe(pair.regionCode);

  const designated = await read(
    EngagementDesignateLeaderDocument,
    { input: { urn: base!, designation: "NLE", specialisms: ["LEADERSHIP"], capacity: 2 } },
    await admin(),
  );
  systemLeaderId = designated.designateSystemLeader.id;

  const grant = {
    fund: "OTHER",
    fundName: "Succession history test",
    amountPence: 100_000,
    matchedPence: 0,
    funder: "Test",
    purpose: "Shows on the successor",
    source: "test",
    createdBy: SUBJECT,
  };
  await query(
    api().db,
    `MATCH (p:Establishment {urn: $predecessor}), (s:School {urn: $successor})
     CREATE (old:Grant {id: $predecessorGrant, awardedOn: date("1994-02-14"),
       startsOn: date("1994-03-01"), endsOn: date("1995-02-28"), createdAt: datetime()})
       -[:AWARDED_TO]->(p)
     CREATE (own:Grant {id: $successorGrant, awardedOn: date("1994-06-14"),
       startsOn: date("1994-07-01"), endsOn: date("1995-06-30"), createdAt: datetime()})
       -[:AWARDED_TO]->(s)
     SET old += $grant, own += $grant`,
    {
      predecessor: neo4j.int(pair.predecessor),
      successor: neo4j.int(pair.successor),
      grant,
      predecessorGrant: PREDECESSOR_GRANT,
      successorGrant: SUCCESSOR_GRANT,
    },
  );
  // No end date: it would be open had the school not closed.
  await query(
    api().db,
    `MATCH (l:SystemLeader {id: $leader}), (p:Establishment {urn: $predecessor})
     CREATE (l)-[:SUPPORTS {id: $id, start: date("2019-09-01"), end: null,
       focus: "Succession history test", outcome: null, source: "test", createdBy: $subject}]->(p)`,
    {
      leader: systemLeaderId,
      predecessor: neo4j.int(pair.predecessor),
      id: ENGAGEMENT,
      subject: SUBJECT,
    },
  );
  await query(
    api().db,
    `MATCH (p:Establishment {urn: $predecessor}), (x:School {urn: $unrelated})
     CREATE (p)-[:PROPOSED]->(a:PartnershipProposal {id: $proposedBy, status: "OPEN",
       modelId: "cluster", name: "Succession history cluster", proposerUrn: p.urn,
       partnershipId: "svc-" + $proposedBy, joinsExisting: false, createdBy: $subject,
       createdAt: datetime("2019-01-01T00:00:00Z")})-[:INVITES {status: "PENDING"}]->(x)
     CREATE (x)-[:PROPOSED]->(b:PartnershipProposal {id: $inviting, status: "OPEN",
       modelId: "cluster", name: "Succession history invitation", proposerUrn: x.urn,
       partnershipId: "svc-" + $inviting, joinsExisting: false, createdBy: $subject,
       createdAt: datetime("2019-02-01T00:00:00Z")})-[:INVITES {status: "PENDING"}]->(p)`,
    {
      predecessor: neo4j.int(pair.predecessor),
      unrelated: neo4j.int(unrelated),
      proposedBy: PROPOSED_BY_PREDECESSOR,
      inviting: INVITING_PREDECESSOR,
      subject: SUBJECT,
    },
  );
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

describe("grants of a closed predecessor", () => {
  it("when an admin reads the successor, then the predecessor's grant follows its own, naming the predecessor's URN", async () => {
    const { school } = await read(
      SuccessionSchoolHistoryDocument,
      { urn: pair.successor },
      await admin(),
    );

    const ours = school!.grants.filter((g) => [PREDECESSOR_GRANT, SUCCESSOR_GRANT].includes(g.id));
    expect(ours).toEqual([
      {
        id: SUCCESSOR_GRANT,
        recipientUrn: pair.successor,
        recipientSchool: { urn: pair.successor },
        awardedOn: "1994-06-14",
      },
      {
        id: PREDECESSOR_GRANT,
        recipientUrn: pair.predecessor,
        recipientSchool: null,
        awardedOn: "1994-02-14",
      },
    ]);
  });

  it("when the predecessor's grant is listed, then it stays awarded to the predecessor in the graph", async () => {
    const rows = await cypher(
      `MATCH (g:Grant {id: $id})-[:AWARDED_TO]->(r) RETURN r.urn AS urn, r:School AS open`,
      { id: PREDECESSOR_GRANT },
    );

    expect(rows).toEqual([{ urn: pair.predecessor, open: false }]);
  });
});

describe("support engagements of a closed predecessor", () => {
  const ours = (list: SchoolHistory["supportEngagements"]) =>
    list.filter((engagement) => engagement.id === ENGAGEMENT);

  it.each([
    ["an admin", admin],
    ["the successor itself", () => schoolToken(pair.successor)],
    ["oversight of the successor's region", () => oversight(pair.regionCode)],
  ])(
    "when %s reads the successor, then the predecessor's engagement is listed as history",
    async (_, token) => {
      const { school } = await read(
        SuccessionSchoolHistoryDocument,
        { urn: pair.successor },
        await token(),
      );

      expect(ours(school!.supportEngagements)).toEqual([
        {
          id: ENGAGEMENT,
          urn: pair.predecessor,
          open: false,
          school: null,
          systemLeader: { id: systemLeaderId },
        },
      ]);
    },
  );

  it.each([
    ["an unrelated school", () => schoolToken(unrelated)],
    ["oversight of another region", () => oversight(otherRegion)],
  ])("when %s reads the successor, then the engagement is not shown", async (_, token) => {
    const { school } = await read(
      SuccessionSchoolHistoryDocument,
      { urn: pair.successor },
      await token(),
    );

    expect(ours(school!.supportEngagements)).toEqual([]);
  });

  it("when the leader's engagements are read, then the closed school's is listed, not open, and not counted against capacity", async () => {
    const leader = await leaderEngagements(await admin());

    expect(leader.engagements.filter((e) => e.id === ENGAGEMENT)).toEqual([
      { id: ENGAGEMENT, urn: pair.predecessor, open: false, school: null },
    ]);
    expect(leader.open.map((e) => e.id)).not.toContain(ENGAGEMENT);
    expect(leader.openEngagements).toBe(0);
  });

  it("when the successor reads the leader's engagements, then the predecessor's is not among them", async () => {
    const leader = await leaderEngagements(await schoolToken(pair.successor));

    expect(leader.engagements.map((e) => e.id)).not.toContain(ENGAGEMENT);
  });
});

describe("proposals of a closed predecessor", () => {
  it("when the successor reads its proposals, then those its predecessor made or was invited by are listed", async () => {
    const { partnershipProposals } = await read(
      SuccessionProposalsDocument,
      { urn: pair.successor },
      await schoolToken(pair.successor),
    );

    const byId = new Map(partnershipProposals.map((proposal) => [proposal.id, proposal]));
    expect(byId.get(PROPOSED_BY_PREDECESSOR)).toEqual({
      id: PROPOSED_BY_PREDECESSOR,
      proposerUrn: pair.predecessor,
      proposer: null,
      invitations: [{ urn: unrelated, status: "PENDING", school: { urn: unrelated } }],
    });
    expect(byId.get(INVITING_PREDECESSOR)).toEqual({
      id: INVITING_PREDECESSOR,
      proposerUrn: unrelated,
      proposer: { urn: unrelated },
      invitations: [{ urn: pair.predecessor, status: "PENDING", school: null }],
    });
  });

  it("when the closed predecessor answers its invitation, then NOT_FOUND and the invitation is unchanged", async () => {
    const result = await api().execute(
      SuccessionRespondDocument,
      { proposalId: INVITING_PREDECESSOR, urn: pair.predecessor, accept: false },
      { token: await schoolToken(pair.predecessor) },
    );

    expect(result.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
    expect(result.errors?.[0]?.message).toMatch(/has closed/);
    const rows = await cypher(
      `MATCH (pr:PartnershipProposal {id: $id})-[i:INVITES]->() RETURN i.status AS status, pr.status AS proposal`,
      { id: INVITING_PREDECESSOR },
    );
    expect(rows).toEqual([{ status: "PENDING", proposal: "OPEN" }]);
  });
});

describe("offers carried from a closed predecessor by the seed", () => {
  it("when the predecessor had offers and the successor none, then the seed step copies them once, naming the predecessor", async () => {
    await query(
      api().db,
      `MATCH (p:Establishment {urn: $urn})
       SET p.offers = ["MATHEMATICS", "SEND"], p.seeks = ["ATTENDANCE"],
         p.offerUpdatedAt = datetime("2020-03-01T09:00:00Z")`,
      { urn: neo4j.int(pair.predecessor) },
    );

    const carried = await carryOffers(api().db, [pair.successor]);
    const again = await carryOffers(api().db, [pair.successor]);

    expect({ carried, again }).toEqual({ carried: 1, again: 0 });
    const [stored] = await cypher(
      `MATCH (s:School {urn: $urn})
       RETURN s.offers AS offers, s.seeks AS seeks, toString(s.offerUpdatedAt) AS at,
         s.offersFromUrn AS from`,
      { urn: neo4j.int(pair.successor) },
    );
    expect(stored).toEqual({
      offers: ["MATHEMATICS", "SEND"],
      seeks: ["ATTENDANCE"],
      at: "2020-03-01T09:00:00Z",
      from: pair.predecessor,
    });
    const { school } = await read(
      SuccessionOffersDocument,
      { urn: pair.successor },
      await schoolToken(unrelated),
    );
    expect(school).toEqual({
      offers: ["MATHEMATICS", "SEND"],
      seeks: ["ATTENDANCE"],
      offerUpdatedAt: new Date("2020-03-01T09:00:00Z"),
      offersFromUrn: pair.predecessor,
    });
  });

  it("when an anonymous caller asks where the offers came from, then UNAUTHENTICATED", async () => {
    const result = await api().execute(SuccessionOffersFromDocument, { urn: pair.successor });

    expect(result.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
  });

  it("when the successor then records its own offers, then offersFromUrn goes", async () => {
    const result = await read(
      SuccessionUpdateOfferDocument,
      { urn: pair.successor, offers: ["LEADERSHIP"], seeks: [] },
      await schoolToken(pair.successor),
    );

    expect(result.updateSchoolOffer).toEqual({
      offers: ["LEADERSHIP"],
      seeks: [],
      offersFromUrn: null,
    });
    const [stored] = await cypher(
      `MATCH (s:School {urn: $urn}) RETURN s.offersFromUrn AS from, s.offers AS offers`,
      { urn: neo4j.int(pair.successor) },
    );
    expect(stored).toEqual({ from: null, offers: ["LEADERSHIP"] });
    expect(await carryOffers(api().db, [pair.successor])).toBe(0);
  });
});

describe("an engagement by a leader whose designation has since been withdrawn", () => {
  const former = `test-former-leader-${RUN}`;
  const engagement = `test-former-engagement-${RUN}`;

  beforeAll(async () => {
    await query(
      api().db,
      `MATCH (p:Establishment {urn: $predecessor})
       CREATE (:FormerSystemLeader {id: $former, name: "Withdrawn leader", withdrawnAt: datetime(),
         createdBy: $subject})
         -[:SUPPORTS {id: $engagement, start: date("2020-01-06"), end: date("2020-07-17"),
           focus: "Withdrawn leader test", source: "test", createdBy: $subject}]->(p)`,
      { predecessor: neo4j.int(pair.predecessor), former, engagement, subject: SUBJECT },
    );
  });

  afterAll(async () => {
    await query(api().db, `MATCH (l:FormerSystemLeader {id: $former}) DETACH DELETE l`, {
      former,
    });
  });

  it("when an admin reads the successor, then the engagement is listed with the leader's id and no leader", async () => {
    const data = await read(
      SuccessionEngagementsWithLeaderIdsDocument,
      { urn: pair.successor },
      await admin(),
    );

    expect(data.school!.supportEngagements.filter((e) => e.id === engagement)).toEqual([
      { id: engagement, urn: pair.predecessor, systemLeaderId: former, systemLeader: null },
    ]);
  });
});
