/**
 * Three API processes over the one database, behind a round-robin balancer, as a deployment runs
 * them. A write through replica A (a support engagement, a grant, an offer, an accepted
 * proposal) shows in replicas B's and C's answers (supportGaps, fundingReport,
 * partnerSuggestions, school) once their data version is read again (DATA_VERSION_MAX_AGE_MS,
 * 1 s); each is asked directly, not through the balancer, every 100 ms, and the test fails if the
 * write has not shown within VISIBILITY_CEILING_MS, far above the bound: it checks that writes
 * arrive, not how fast (`npm run bench:replicas` measures that). A request to B sending back A's
 * X-Data-Bookmark sees A's writes in its first answer. Then one replica is killed under a stream
 * of reads through the balancer, and only the requests it held may fail.
 *
 * Works in a local authority of its own (TestArea) holding copies of North Yorkshire's maintained
 * primaries: every school it designates a leader at, engages, funds, gives an offer or partners
 * is one of them, and the reads it checks are of that authority (its entry in supportGaps, its
 * fundingReport) or of its schools. Removes the authority, its schools and everything it made.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import type { Database } from "../../src/db/driver.js";
import {
  ReplicaDesignateDocument,
  ReplicaEngageDocument,
  ReplicaFundingDocument,
  ReplicaGrantDocument,
  ReplicaOfferDocument,
  ReplicaProposeDocument,
  ReplicaReadsAfterWritesDocument,
  ReplicaRespondDocument,
  ReplicaSchoolDocument,
} from "../__generated__/graphql.js";
import { startBalancer, type Balancer } from "../helpers/balancer.js";
import {
  NORTH_YORKSHIRE,
  REPLICA_SEARCH,
  freePrimaries as freePrimariesOf,
  laSupplyOn as laSupplyFrom,
  schoolOn as schoolFrom,
  suggestionsOn as suggestionsFrom,
  type Suggestion,
  dataFrom,
  post,
  startReplicas,
  waitUntilShown,
  type Replica,
  type ReplicaSet,
} from "../helpers/replicas.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";
import { connectConfigured } from "../../src/db/connect.js";

const SUBJECT = testSubject("replicas");
/** Twenty times the default DATA_VERSION_MAX_AGE_MS: a ceiling for arrival, not a timing. */
const VISIBILITY_CEILING_MS = 20_000;
const POLL_MS = 100;

let db: Database;
/** The test's own authority, in North Yorkshire's region; every school written to is in it. */
let area: TestArea;
let set: ReplicaSet;
let balancer: Balancer;
let a: Replica;
let others: Replica[] = [];
/** Schools given an offer, so not picked again as a partner offering nothing. */
const offerUrns: number[] = [];
/** The system leader the engagement tests designate, with two places. */
let leaderId = "";

let adminToken: Promise<string> | undefined;
const admin = () => (adminToken ??= set.token({ role: "ADMIN", sub: `${SUBJECT}-admin` }));
const leaderToken = () =>
  set.token({ role: "SYSTEM_LEADER", sub: `${SUBJECT}-leader`, systemLeaderId: leaderId });
const schoolToken = (urn: number) => set.token({ role: "SCHOOL", sub: `${SUBJECT}-${urn}`, urn });

const freePrimaries = (count: number) => freePrimariesOf(db, area.laCode, count);
const laSupplyOn = (replica: Replica) => laSupplyFrom(replica, area);

/**
 * Maintained primaries of the test's authority in no partnership, with no offers and a KS2 result
 * of the newest year, weakest first: askers with stronger schools nearby to be suggested.
 */
async function weakPrimaries(count: number): Promise<number[]> {
  const rows = await query<{ urn: unknown }>(
    db,
    `MATCH (s:School {laCode: $la, governance: "MAINTAINED", phase: "PRIMARY"})
     WHERE s.location IS NOT NULL AND NOT (s)-[:MEMBER_OF]->()
       AND s.offers IS NULL AND s.seeks IS NULL AND s.ks2RwmExpectedYear = "2024/25"
     RETURN s.urn AS urn ORDER BY s.ks2RwmExpected, s.urn LIMIT $count`,
    { la: neo4j.int(area.laCode), count: neo4j.int(count) },
  );
  if (rows.length < count)
    throw new Error(`LA ${area.laCode} has ${rows.length} such primaries, not ${count}.`);
  return rows.map((row) => Number(row.urn));
}

const suggestionsOn = async (replica: Replica, asker: number) =>
  suggestionsFrom(replica, asker, await admin());

/** The sought topics a suggestion offers (its OFFERS_WHAT_IS_SOUGHT reason). */
function offered(suggestion: Suggestion | undefined): readonly string[] {
  const reason = suggestion?.reasons.find((r) => r.factor === "OFFERS_WHAT_IS_SOUGHT");
  return reason?.matchedTopics ?? [];
}

/** A suggested partner of `asker` (on A) in the test's authority, offering nothing and free. */
async function quietCandidate(asker: number, skip: readonly number[] = []): Promise<number> {
  const suggested = (await suggestionsOn(a, asker)).filter(
    (s) => offered(s).length === 0 && !skip.includes(s.urn),
  );
  const [row] = await query<{ urn: unknown }>(
    db,
    `UNWIND $urns AS urn MATCH (s:School {urn: urn, laCode: $la, governance: "MAINTAINED"})
     WHERE s.offers IS NULL AND NOT (s)-[:MEMBER_OF]->()
     RETURN s.urn AS urn LIMIT 1`,
    { urns: suggested.map((s) => s.urn), la: neo4j.int(area.laCode) },
  );
  if (!row) {
    throw new Error(
      `No suggested partner of ${asker} in LA ${area.laCode} offers nothing and is free.`,
    );
  }
  return Number(row.urn);
}

const schoolOn = async (replica: Replica, urn: number) => schoolFrom(replica, urn, await admin());

const GRANT_PENCE = 1_234_500;

function grantTo(urn: number) {
  return {
    fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND" as const,
    amountPence: GRANT_PENCE,
    funder: "Department for Education",
    awardedOn: "1993-03-15",
    startsOn: "1993-04-01",
    endsOn: "1994-03-31",
    purpose: "Improving early reading across the school",
    recipientUrn: urn,
  };
}

/** The test authority's funding report (every award date), as `replica` answers. */
async function fundingOn(replica: Replica) {
  return dataFrom(
    await post(replica.base, ReplicaFundingDocument, { la: area.laCode }),
    replica.name,
  ).fundingReport;
}

/** Waits until every other replica's answer shows the write. */
function shownOnOthers<T>(
  what: string,
  read: (replica: Replica) => Promise<T>,
  shows: (value: T) => boolean,
) {
  return Promise.all(
    others.map((replica) =>
      waitUntilShown(() => read(replica), shows, {
        ceilingMs: VISIBILITY_CEILING_MS,
        intervalMs: POLL_MS,
        what: `${what} on replica ${replica.name}`,
      }),
    ),
  );
}

beforeAll(async () => {
  const c = config();
  db = connectConfigured(c);
  // Made before the replicas start, so each loads the copies with its first snapshots.
  area = await TestArea.create(db, SUBJECT, NORTH_YORKSHIRE.laCode);
  await area.schools({ governance: "MAINTAINED", phase: "PRIMARY", count: "all" });
  set = await startReplicas({ count: 3 });
  [a, ...others] = set.replicas as [Replica, ...Replica[]];
  balancer = await startBalancer(set.replicas.map((replica) => replica.base));
  // Each replica builds its gap snapshot on first use; ask once so the tests start warm.
  for (const replica of set.replicas) {
    await waitUntilShown(
      () => laSupplyOn(replica),
      () => true,
      {
        ceilingMs: 120_000,
        intervalMs: 500,
        what: `the gap snapshot on replica ${replica.name}`,
      },
    );
  }
});

afterAll(async () => {
  await balancer?.close();
  await set?.stop();
  if (!db) return;
  // The schools given offers are the test's own, removed with the rest.
  await cleanUpWrites(db, SUBJECT);
  await db.close();
});

describe("a write through one replica", () => {
  it("when an engagement takes a system leader's place on A, then supportGaps and school on B and C show it", async () => {
    const [base, supported] = await freePrimaries(2);
    leaderId = dataFrom(
      await post(
        a.base,
        ReplicaDesignateDocument,
        { input: { urn: base!, designation: "NLE", specialisms: ["MATHEMATICS"], capacity: 2 } },
        { token: await admin() },
      ),
    ).designateSystemLeader.id;
    // A reads its own writes at once; the others catch up with the new leader's free places.
    const withFreePlaces = await laSupplyOn(a);
    await shownOnOthers(
      `the new leader's places in supportGaps (supply ${withFreePlaces})`,
      laSupplyOn,
      (supply) => supply === withFreePlaces,
    );

    const engagement = dataFrom(
      await post(
        a.base,
        ReplicaEngageDocument,
        { input: { systemLeaderId: leaderId, urn: supported!, focus: "Maths leadership" } },
        { token: await leaderToken() },
      ),
    ).recordSupportEngagement;
    const placeTaken = await laSupplyOn(a);
    expect(placeTaken).toBeLessThan(withFreePlaces);

    await shownOnOthers(
      `the engagement in supportGaps (supply ${placeTaken})`,
      laSupplyOn,
      (supply) => supply === placeTaken,
    );
    await shownOnOthers(
      "the engagement on the school",
      (replica) => schoolOn(replica, supported!),
      (school) => school.supportEngagements.some((e) => e.id === engagement.id),
    );
  });

  it("when a grant is recorded on A, then fundingReport and school on B and C show it", async () => {
    const [recipient] = await freePrimaries(1);
    const before = await fundingOn(a);

    const grant = dataFrom(
      await post(
        a.base,
        ReplicaGrantDocument,
        { input: grantTo(recipient!) },
        { token: await admin() },
      ),
    ).recordGrant;

    await shownOnOthers(
      "the grant in fundingReport",
      fundingOn,
      (after) =>
        after.grants === before.grants + 1 &&
        after.awardedPence === before.awardedPence + GRANT_PENCE,
    );
    await shownOnOthers(
      "the grant on the school",
      (replica) => schoolOn(replica, recipient!),
      (school) => school.grants.some((g) => g.id === grant.id),
    );
  });

  it("when a school's offer is updated on A, then partnerSuggestions and school on B and C show it", async () => {
    const [asker] = await weakPrimaries(1);
    const candidate = await quietCandidate(asker!);
    offerUrns.push(candidate);

    dataFrom(
      await post(
        a.base,
        ReplicaOfferDocument,
        { urn: candidate, offers: ["MATHEMATICS"], seeks: [] },
        { token: await admin() },
      ),
    );

    // Mathematics is a topic of the KS2 focus, so the asker seeks it.
    await shownOnOthers(
      "the offer in partnerSuggestions",
      (replica) => suggestionsOn(replica, asker!),
      (suggestions) =>
        offered(suggestions.find((s) => s.urn === candidate)).includes("MATHEMATICS"),
    );
    await shownOnOthers(
      "the offer on the school",
      (replica) => schoolOn(replica, candidate),
      (school) => school.offers?.includes("MATHEMATICS") === true,
    );
  });

  it("when a proposal is accepted on A, then the new partnership shows on both schools on B and C, and they are no longer suggested to each other", async () => {
    const [, , proposer] = await weakPrimaries(3);
    const invitee = await quietCandidate(proposer!, offerUrns);
    const proposal = dataFrom(
      await post(
        a.base,
        ReplicaProposeDocument,
        {
          input: {
            proposerUrn: proposer!,
            inviteeUrns: [invitee!],
            model: "informal-collaboration",
          },
        },
        { token: await schoolToken(proposer!) },
      ),
    ).proposePartnership;
    const accepted = dataFrom(
      await post(
        a.base,
        ReplicaRespondDocument,
        { proposalId: proposal.id, urn: invitee, accept: true },
        { token: await schoolToken(invitee) },
      ),
    ).respondToProposal;
    const partnershipId = accepted.partnership?.id;
    expect(partnershipId).toBeTruthy();

    for (const urn of [proposer!, invitee]) {
      await shownOnOthers(
        `the partnership on school ${urn}`,
        (replica) => schoolOn(replica, urn),
        (school) => school.memberships.some((m) => m.partnership.id === partnershipId),
      );
    }
    // Partners now, so no longer suggested to each other (the similarity index's memberships).
    await shownOnOthers(
      `school ${invitee} no longer suggested to its new partner ${proposer}`,
      (replica) => suggestionsOn(replica, proposer!),
      (suggestions) => !suggestions.some((s) => s.urn === invitee),
    );
  });
});

describe("X-Data-Bookmark across replicas", () => {
  it("when a request to B sends back the bookmark of writes on A, then its first answer shows them", async () => {
    const [supported, recipient] = await freePrimaries(4).then((urns) => urns.slice(2));
    const [, asker] = await weakPrimaries(2);
    const candidate = await quietCandidate(asker!, offerUrns);
    offerUrns.push(candidate);
    const before = await fundingOn(a);
    const supplyBefore = await laSupplyOn(a);

    // Three writes on A, each sending back the bookmark the one before returned.
    const engaged = await post(
      a.base,
      ReplicaEngageDocument,
      { input: { systemLeaderId: leaderId, urn: supported!, focus: "Maths leadership" } },
      { token: await leaderToken() },
    );
    dataFrom(engaged, "A");
    expect(engaged.bookmark).toBeTruthy();
    const granted = await post(
      a.base,
      ReplicaGrantDocument,
      { input: grantTo(recipient!) },
      { token: await admin(), bookmark: engaged.bookmark! },
    );
    dataFrom(granted, "A");
    const offeredOnA = await post(
      a.base,
      ReplicaOfferDocument,
      { urn: candidate, offers: ["MATHEMATICS"], seeks: [] },
      { token: await admin(), bookmark: granted.bookmark! },
    );
    dataFrom(offeredOnA, "A");
    expect(offeredOnA.bookmark).toBeTruthy();
    const supplyAfter = await laSupplyOn(a);
    expect(supplyAfter).toBeLessThan(supplyBefore);

    const read = await post(
      others[0]!.base,
      ReplicaReadsAfterWritesDocument,
      {
        urn: candidate,
        asker: asker!,
        input: REPLICA_SEARCH,
        regionCode: area.regionCode,
        la: area.laCode,
      },
      { token: await admin(), bookmark: offeredOnA.bookmark! },
    );
    const seen = dataFrom(read, others[0]!.name);
    expect(seen.supportGaps.find((gap) => gap.localAuthority?.code === area.laCode)?.supply).toBe(
      supplyAfter,
    );
    expect(seen.fundingReport).toMatchObject({
      grants: before.grants + 1,
      awardedPence: before.awardedPence + GRANT_PENCE,
    });
    expect(offered(seen.partnerSuggestions.find((s) => s.urn === candidate))).toContain(
      "MATHEMATICS",
    );
    expect(seen.school?.offers).toEqual(["MATHEMATICS"]);
    // A read sent a bookmark hands one back, for the client's next request.
    expect(read.bookmark).toBeTruthy();
  });

  it("when the header is not one a replica sent, then B answers 400 BAD_USER_INPUT", async () => {
    const [urn] = await freePrimaries(1);
    const read = await post(
      others[0]!.base,
      ReplicaSchoolDocument,
      { urn: urn! },
      { token: await admin(), bookmark: "not-a-bookmark" },
    );
    expect(read.status).toBe(400);
    expect(read.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/x-data-bookmark/i),
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
  });
});

describe("a replica killed under load", () => {
  it("when one replica is killed while reads stream through the balancer, then only the requests it held fail", async () => {
    const victim = others.at(-1)!;
    const [urn] = await freePrimaries(1);
    interface Asked {
      sentAt: number;
      ok: boolean;
      detail: string;
    }
    const asked: Asked[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const sentAt = performance.now();
        try {
          const result = await post(
            balancer.base,
            ReplicaSchoolDocument,
            { urn: urn! },
            { token: await admin() },
          );
          const ok = result.status === 200 && !result.errors && result.data?.school?.urn === urn;
          asked.push({ sentAt, ok, detail: ok ? "" : JSON.stringify(result).slice(0, 300) });
        } catch (error) {
          asked.push({ sentAt, ok: false, detail: (error as Error).message });
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await victim.kill();
    // Requests the balancer received before the victim's exit was seen may have been in it.
    const diedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    running = false;
    await Promise.all(clients);

    const routed = [...balancer.routed];
    // The stream reached the victim before it died, and the others took it all after.
    expect(routed.some((r) => r.backend === victim.base && r.status === 200)).toBe(true);
    const after = routed.filter((r) => r.receivedAt > diedAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((r) => r.status !== 200)).toEqual([]);
    expect(balancer.inRotation()).toEqual(
      set.replicas.filter((r) => r !== victim).map((r) => r.base),
    );
    // What failed was held by the victim; every other request was answered in full.
    const failedRoutes = routed.filter((r) => r.status !== 200);
    expect(failedRoutes.filter((r) => r.backend !== victim.base || r.receivedAt > diedAt)).toEqual(
      [],
    );
    expect(asked.filter((x) => !x.ok)).toHaveLength(failedRoutes.length);
    expect(asked.filter((x) => !x.ok && x.sentAt > diedAt)).toEqual([]);
  });
});
