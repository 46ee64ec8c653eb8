/**
 * The database stops in the middle of writes. A scratch Neo4j server (never the shared one) is
 * stopped while a write transaction is half done and while a burst of writes is in flight:
 * nothing half-written survives, clients get clean SERVICE_UNAVAILABLE errors meanwhile, and
 * writes work again once the server is back. Each write's audit event is in its transaction,
 * so "every change has its event and every event its change" is the test of atomicity.
 */
import "reflect-metadata";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCollaborationModels } from "../../seed/collaboration/load.js";
import type { Database } from "../../src/db/driver.js";
import { startApi, testToken, type OperationResult, type TestApi } from "../helpers/api.js";
import { ScratchServer } from "../helpers/scratch-server.js";
import { query } from "../helpers/writes.js";

// Quick to notice the server is gone, patient with a server that is merely slow (the machine
// may be busy with other tests).
const SHORT_TIMEOUTS = { queryTimeoutMs: 30_000, retryMs: 0, connectTimeoutMs: 1_000 };
/** Fake schools, in an empty scratch database: URNs 1..SCHOOLS. */
const SCHOOLS = 40;
const CLEAN_CODES = new Set(["SERVICE_UNAVAILABLE"]);

let scratch: ScratchServer;
let api: TestApi;
let admin = "";

const PROPOSE = `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`;
const RESPOND = `mutation ($id: ID!, $urn: Int!) { respondToProposal(proposalId: $id, urn: $urn, accept: true) { id status } }`;
const OFFER = `mutation ($urn: Int!, $offers: [SupportTopic!]!) { updateSchoolOffer(urn: $urn, offers: $offers, seeks: []) { urn } }`;

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Condition not met within ${timeoutMs / 1000}s.`);
}

async function waitUntilWritable(): Promise<void> {
  await waitFor(async () => {
    const result = await api.executeText(OFFER, { urn: SCHOOLS, offers: [] }, { token: admin });
    return result.errors === undefined;
  }, 90_000);
}

function codes(result: OperationResult<unknown>): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.["code"]));
}

/** Pauses every write transaction after `statement` until `release` resolves. */
function pauseAfter(db: Database, statement: string, reached: () => void, release: Promise<void>) {
  const original = db.writeTransaction.bind(db);
  db.writeTransaction = ((work) =>
    original((run) =>
      work(async (name, params) => {
        const rows = await run(name, params);
        if (name === statement) {
          reached();
          await release;
        }
        return rows;
      }),
    )) as Database["writeTransaction"];
  return () => {
    db.writeTransaction = original;
  };
}

/** Pairs that must match one to one if every write was all-or-nothing. */
async function invariants() {
  const [row] = await query<Record<string, number>>(
    api.db,
    `RETURN
       COUNT { MATCH (pr:PartnershipProposal)
               WHERE NOT EXISTS { MATCH (e:AuditEvent {action: 'proposePartnership', targetId: pr.id}) } } AS proposalsWithoutEvent,
       COUNT { MATCH (e:AuditEvent {action: 'proposePartnership'})
               WHERE NOT EXISTS { MATCH (:PartnershipProposal {id: e.targetId}) } } AS eventsWithoutProposal,
       COUNT { MATCH (pr:PartnershipProposal) WHERE NOT (pr)-[:INVITES]->() } AS proposalsWithoutInvitations,
       COUNT { MATCH (pr:PartnershipProposal)-[:INVITES {status: 'ACCEPTED'}]->(s:School)
               WHERE NOT (s)-[:MEMBER_OF]->(:Partnership {id: pr.partnershipId}) } AS acceptedWithoutMembership,
       COUNT { MATCH ()-[i:INVITES {status: 'ACCEPTED'}]->() } AS accepted,
       COUNT { MATCH (e:AuditEvent {action: 'respondToProposal'}) } AS responseEvents,
       COUNT { MATCH (s:School) WHERE s.offers IS NOT NULL } AS schoolsWithOffers`,
  );
  return row as Record<string, number>;
}

beforeAll(async () => {
  // Its own folder per run, so a server left by an interrupted run cannot share its store.
  scratch = await ScratchServer.create(`faults-${process.pid}`);
  await scratch.start();
  api = await startApi({ connection: scratch.connection, timeouts: SHORT_TIMEOUTS });
  await writeCollaborationModels(api.db);
  await query(
    api.db,
    `UNWIND range(1, $n) AS urn
     CREATE (:Establishment:School {urn: urn, name: 'Fault School ' + toString(urn),
       governance: 'MAINTAINED', stateFunded: true, regionCode: 'E12000007'})`,
    { n: neo4j.int(SCHOOLS) },
  );
  admin = await testToken({ role: "ADMIN", sub: "faults-admin" });
}, 240_000);

afterAll(async () => {
  await api?.close();
  await scratch?.dispose();
}, 120_000);

describe("when the database stops between the statements of a write", () => {
  it("then the client gets SERVICE_UNAVAILABLE, nothing of the write survives, and the write works after restart", async () => {
    let reached!: () => void;
    const atPause = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const restore = pauseAfter(api.db, "proposals/createProposal", reached, released);
    const input = { proposerUrn: 1, inviteeUrns: [2, 3], model: "cluster", name: "Half-written" };

    const pending = api.executeText(PROPOSE, { input }, { token: admin });
    await atPause;
    await scratch.stop();
    release();
    const result = await pending;
    restore();

    expect(codes(result)).toEqual(["SERVICE_UNAVAILABLE"]);

    // While the server is down, reads and writes fail cleanly too.
    const read = await api.executeText("{ collaborationModels { id } }");
    const write = await api.executeText(OFFER, { urn: 4, offers: ["SEND"] }, { token: admin });
    expect(codes(read)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(codes(write)).toEqual(["SERVICE_UNAVAILABLE"]);

    await scratch.start();
    await waitUntilWritable();

    const [left] = await query<{ proposals: number; events: number }>(
      api.db,
      `RETURN COUNT { MATCH (p:PartnershipProposal {name: 'Half-written'}) } AS proposals,
              COUNT { MATCH (e:AuditEvent {action: 'proposePartnership'}) } AS events`,
    );
    expect(left).toEqual({ proposals: 0, events: 0 });

    await waitFor(
      async () =>
        (await api.executeText(PROPOSE, { input }, { token: admin })).errors === undefined,
      60_000,
    );
    expect(await invariants()).toMatchObject({
      proposalsWithoutEvent: 0,
      eventsWithoutProposal: 0,
    });
  }, 240_000);
});

describe("when the database stops during a burst of writes", () => {
  it("then every answer is success or SERVICE_UNAVAILABLE, every change has its audit event, and writes recover", async () => {
    await waitUntilWritable();
    // Open proposals to answer during the burst: 10 → 11, 12 → 13, ...
    const proposals: { id: string; invitee: number }[] = [];
    for (let proposer = 10; proposer < 30; proposer += 2) {
      const made = await api.executeText(
        PROPOSE,
        {
          input: {
            proposerUrn: proposer,
            inviteeUrns: [proposer + 1],
            model: "informal-collaboration",
          },
        },
        { token: admin },
      );
      proposals.push({
        id: (made.data as { proposePartnership: { id: string } }).proposePartnership.id,
        invitee: proposer + 1,
      });
    }

    const burst: Promise<OperationResult<unknown>>[] = [];
    const writer = (async () => {
      for (let round = 0; round < 12; round += 1) {
        const proposal = proposals[round % proposals.length] as { id: string; invitee: number };
        burst.push(
          api.executeText(RESPOND, { id: proposal.id, urn: proposal.invitee }, { token: admin }),
        );
        burst.push(
          api.executeText(
            PROPOSE,
            {
              input: {
                proposerUrn: 31 + (round % 4),
                inviteeUrns: [36 + (round % 4)],
                model: "cluster",
              },
            },
            { token: admin },
          ),
        );
        burst.push(
          api.executeText(OFFER, { urn: 5 + (round % 4), offers: ["SEND"] }, { token: admin }),
        );
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await scratch.stop();
    await writer;
    const results = await Promise.all(burst);

    const unclean = results
      .flatMap(codes)
      .filter((code) => !CLEAN_CODES.has(code) && code !== "CONFLICT");
    // The server's log says which driver error leaked, which the codes alone do not.
    if (unclean.length > 0) {
      console.log(
        api.logs
          .filter((line) => line.includes('"level":"error"'))
          .join("\n")
          .slice(0, 4000),
      );
    }
    expect(unclean).toEqual([]);
    expect(results.some((result) => codes(result).includes("SERVICE_UNAVAILABLE"))).toBe(true);

    await scratch.start();
    await waitUntilWritable();

    const state = await invariants();
    expect(state).toMatchObject({
      proposalsWithoutEvent: 0,
      eventsWithoutProposal: 0,
      proposalsWithoutInvitations: 0,
      acceptedWithoutMembership: 0,
    });
    expect(state["responseEvents"]).toBe(state["accepted"]);

    await waitFor(async () => {
      const recovered = await api.executeText(
        PROPOSE,
        { input: { proposerUrn: 38, inviteeUrns: [39], model: "cluster" } },
        { token: admin },
      );
      return recovered.errors === undefined;
    }, 60_000);
  }, 240_000);
});
