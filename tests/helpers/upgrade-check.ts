/**
 * The upgrade rehearsal global setup runs on an empty database, before any test: it loads one
 * local authority (Cumbria, 909) as the previous data release had it, records what users record
 * through the API (a proposal, grants, support engagements, offers, with their audit events),
 * then runs the current seed over it as `npm run seed` would on a database seeded before the
 * 2025/26 data. Every record must come through unchanged, and the school that converted since
 * (St Bees Village Primary, 112164, now 149818) must show its predecessor's records as history.
 * Its writes are removed afterwards, so the tests start from a plain seeded graph.
 */
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { config, projectRoot } from "../../src/config.js";
import { connectionSettings, type ConnectionSettings } from "../../src/db/connection.js";
import { Database } from "../../src/db/driver.js";
import { manifestDatasetIds } from "../../seed/bundle.js";
import { runSeed } from "../../seed/run.js";
import { dataOf, startApi, testToken, type TestApi } from "./api.js";
import { query } from "./writes.js";

export const PREVIOUS_MANIFEST = path.join(
  projectRoot,
  "tests",
  "fixtures",
  "previous-data-manifest.json",
);

const SUBJECT = "test-upgrade-check";
const CUMBRIA = 909;
/** St Bees Village Primary: a Cumbria primary in the 2023 census, an academy (149818) since June 2023. */
const CONVERTED = { urn: 112164, successorUrn: 149818 };

/**
 * A synthetic specialist leader the previous release generated at Newbarns Primary (112244), which
 * has since converted (149961): the current release no longer generates it, so the seed retires it,
 * and the engagement recorded with it must stay.
 */
const RETIRED_LEADER = "synthetic-sle-112244";

/** Everything recorded under SUBJECT, read straight from the graph, in a stable order. */
async function recorded(db: Database): Promise<Record<string, unknown>> {
  const [row] = await query(
    db,
    `RETURN
       COLLECT { MATCH (g:Grant) WHERE g.createdBy STARTS WITH $subject
                 RETURN g { .*, to: COLLECT { MATCH (g)-[:AWARDED_TO]->(x) RETURN x.urn },
                   lands: COLLECT { MATCH (g)-[l:LANDS_ON]->(x) RETURN [x.urn, l.awardedPence] } }
                 ORDER BY g.id } AS grants,
       COLLECT { MATCH (l)-[r:SUPPORTS]->(s) WHERE r.createdBy STARTS WITH $subject
                 RETURN r { .*, leader: l.id, urn: s.urn } ORDER BY r.id } AS engagements,
       COLLECT { MATCH (pr:PartnershipProposal) WHERE pr.createdBy STARTS WITH $subject
                 RETURN pr { .*, proposer: COLLECT { MATCH (s)-[:PROPOSED]->(pr) RETURN s.urn },
                   invited: COLLECT { MATCH (pr)-[i:INVITES]->(s) RETURN [s.urn, i.status] ORDER BY s.urn } }
                 ORDER BY pr.id } AS proposals,
       COLLECT { MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $subject
                 RETURN e {.*} ORDER BY e.id } AS auditEvents,
       COLLECT { MATCH (s:Establishment) WHERE s.urn IN $offerUrns
                 RETURN [s.urn, s.offers, s.seeks, s.offerUpdatedAt] ORDER BY s.urn } AS offers`,
    { subject: SUBJECT, offerUrns: [CONVERTED.urn] },
  );
  return row ?? {};
}

function fail(message: string, detail?: unknown): never {
  throw new Error(
    `Upgrade rehearsal: ${message}${detail === undefined ? "" : `\n${JSON.stringify(detail, null, 2)}`}`,
  );
}

/** Records what a council, a school and a system leader would, through the API. */
async function recordWrites(api: TestApi): Promise<{ stayingUrn: number }> {
  const [staying, leader] = await Promise.all([
    // A maintained primary of the census still open in 2025, in the same LA.
    query<{ urn: number }>(
      api.db,
      `MATCH (s:School {laCode: $la, governance: "MAINTAINED", phase: "PRIMARY"})
       WHERE s.urn <> $urn RETURN s.urn AS urn ORDER BY s.urn LIMIT 1`,
      { la: CUMBRIA, urn: CONVERTED.urn },
    ),
    query<{ id: string }>(api.db, `MATCH (l:SystemLeader {id: $id}) RETURN l.id AS id`, {
      id: RETIRED_LEADER,
    }),
  ]);
  // The first by URN; the rehearsal checks the 2025 picture keeps it open, in 942 or 943.
  const stayingUrn = staying.map((row) => Number(row.urn)).find((urn) => urn !== CONVERTED.urn);
  if (stayingUrn === undefined || !leader[0]) {
    fail(`the previous release lacks Cumbria's maintained primaries or ${RETIRED_LEADER}`);
  }
  const admin = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
  const school = await testToken({ role: "SCHOOL", sub: `${SUBJECT}-school`, urn: CONVERTED.urn });

  const grant = (recipientUrn: number) => ({
    fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
    amountPence: 1_000_000,
    awardedOn: "2022-09-01",
    startsOn: "2022-09-01",
    endsOn: "2023-08-31",
    funder: "Department for Education",
    purpose: "Reading across the cluster",
    recipientUrn,
  });
  const writes = [
    api.executeText(
      `mutation ($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`,
      { input: grant(CONVERTED.urn) },
      { token: admin },
    ),
    api.executeText(
      `mutation ($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`,
      { input: grant(stayingUrn) },
      { token: admin },
    ),
    api.executeText(
      `mutation ($input: RecordSupportEngagementInput!) { recordSupportEngagement(input: $input) { id } }`,
      {
        input: {
          systemLeaderId: leader[0].id,
          urn: CONVERTED.urn,
          focus: "Early reading",
          startOn: "2022-10-03",
        },
      },
      { token: admin },
    ),
    api.executeText(
      `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      {
        input: {
          proposerUrn: CONVERTED.urn,
          inviteeUrns: [stayingUrn],
          model: "informal-collaboration",
          name: "West Cumbria reading network",
        },
      },
      { token: school },
    ),
    api.executeText(
      `mutation { updateSchoolOffer(urn: ${CONVERTED.urn}, offers: [READING_AND_PHONICS], seeks: [MATHEMATICS]) { urn } }`,
      {},
      { token: school },
    ),
  ];
  for (const result of await Promise.all(writes)) dataOf(result);
  return { stayingUrn };
}

/** What the successor shows of its predecessor's records, as a signed-in admin reads it. */
async function successorView(api: TestApi): Promise<unknown> {
  const admin = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
  const result = await api.executeText(
    `query ($urn: Int!) {
       school(urn: $urn) {
         urn localAuthority { code }
         predecessors { urn }
         grants { recipientUrn amountPence }
         supportEngagements { urn focus }
         offers seeks offersFromUrn
       }
       partnershipProposals(urn: $urn) { name }
       fundingReport(from: "2022-09-01", to: "2022-09-01") {
         grants awardedPence unallocatedPence schoolsFunded
       }
     }`,
    { urn: CONVERTED.successorUrn },
    { token: admin },
  );
  return dataOf(result);
}

async function removeWrites(db: Database): Promise<void> {
  await query(db, `MATCH (g:Grant) WHERE g.createdBy STARTS WITH $subject DETACH DELETE g`, {
    subject: SUBJECT,
  });
  await query(db, `MATCH ()-[r:SUPPORTS]->() WHERE r.createdBy STARTS WITH $subject DELETE r`, {
    subject: SUBJECT,
  });
  // A leader kept only for the engagement removed above.
  await query(
    db,
    `MATCH (l:FormerSystemLeader) WHERE NOT EXISTS { (l)-[:SUPPORTS]->() } DETACH DELETE l`,
  );
  await query(
    db,
    `MATCH (pr:PartnershipProposal) WHERE pr.createdBy STARTS WITH $subject DETACH DELETE pr`,
    { subject: SUBJECT },
  );
  await query(db, `MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $subject DELETE e`, {
    subject: SUBJECT,
  });
  await query(
    db,
    `MATCH (s:Establishment) WHERE s.urn IN $urns
     REMOVE s.offers, s.seeks, s.offerUpdatedAt, s.offersFromUrn`,
    { urns: [CONVERTED.urn, CONVERTED.successorUrn] },
  );
}

/**
 * Runs the rehearsal on an empty graph and leaves it fully seeded with the current release.
 * Throws, failing the test run, when anything recorded is lost or not carried to the successor.
 */
export async function rehearseUpgrade(
  log: (line: string) => void,
  connection?: ConnectionSettings,
): Promise<void> {
  const c = config();
  const settings = connection ?? connectionSettings(c);
  const seedDb = Database.connect(settings, {
    queryTimeoutMs: Math.max(c.DB_QUERY_TIMEOUT_MS, 60_000),
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  });
  let api: TestApi | null = null;
  try {
    log(`upgrade rehearsal: the previous release (${PREVIOUS_MANIFEST}), LA ${CUMBRIA} only`);
    await runSeed({
      db: seedDb,
      datasets: manifestDatasetIds(PREVIOUS_MANIFEST),
      localAuthorities: new Set([CUMBRIA]),
      rejectionLog: null,
    });
    api = await startApi({ connection: settings });
    const { stayingUrn } = await recordWrites(api);
    const before = await recorded(seedDb);
    log("upgrade rehearsal: writes recorded; loading the current release over them");

    await runSeed({ db: seedDb, log: (line) => log(`  ${line}`) });

    const after = await recorded(seedDb);
    if (!isDeepStrictEqual(before, after)) {
      fail("records written through the API changed when the current release loaded", {
        before,
        after,
      });
    }
    const [moved] = await query<{ la: number; closed: boolean }>(
      seedDb,
      `MATCH (s:Establishment {urn: $urn}) RETURN s.laCode AS la, NOT s:School AS closed`,
      { urn: stayingUrn },
    );
    if (!moved || moved.closed || ![942, 943].includes(Number(moved.la))) {
      fail(`school ${stayingUrn} should be open in Cumberland or Westmorland and Furness`, moved);
    }
    // A fresh app: the one that recorded the writes may hold answers from before the upgrade.
    await api.close();
    api = await startApi({ connection: settings });
    const view = (await successorView(api)) as {
      school: {
        predecessors: { urn: number }[];
        grants: { recipientUrn: number }[];
        supportEngagements: { urn: number }[];
        offers: string[] | null;
        offersFromUrn: number | null;
      } | null;
      partnershipProposals: { name: string }[];
      fundingReport: Record<string, number>;
    };
    const school = view.school;
    const carried =
      school !== null &&
      school.predecessors.some((p) => p.urn === CONVERTED.urn) &&
      school.grants.some((g) => g.recipientUrn === CONVERTED.urn) &&
      school.supportEngagements.some((e) => e.urn === CONVERTED.urn) &&
      isDeepStrictEqual(school.offers, ["READING_AND_PHONICS"]) &&
      school.offersFromUrn === CONVERTED.urn &&
      view.partnershipProposals.some((p) => p.name === "West Cumbria reading network") &&
      // The graph holds no other grants: both grants' money is still where it landed.
      isDeepStrictEqual(
        { ...view.fundingReport },
        {
          grants: 2,
          awardedPence: 2_000_000,
          unallocatedPence: 0,
          schoolsFunded: 2,
        },
      );
    if (!carried) {
      fail(`${CONVERTED.successorUrn} does not show ${CONVERTED.urn}'s records as history`, view);
    }
    log(
      `upgrade rehearsal: every record kept; ${CONVERTED.successorUrn} shows ${CONVERTED.urn}'s ` +
        `grant, engagement, offers and proposal as history, and the funding report its money: ` +
        JSON.stringify(view),
    );
  } finally {
    await api?.close();
    await removeWrites(seedDb);
    await seedDb.close();
  }
}
