/**
 * npm run bench:load [-- --duration 60] [-- --connections 64] [-- --writes 0.2] [-- --warmup 10]
 *
 * Load on the real server: 64 concurrent clients (autocannon) send a seeded mix of reads
 * (schools, lists, partnerships, collaboration options) and writes (school offers, proposals,
 * each with its audit event) for 60 s against the compiled server (`dist/index.js`, built first) on the
 * configured Neo4j. Reports throughput, latency percentiles, errors (the goal is 0; a GraphQL
 * error in a 200 answer counts) and the server's resident memory before and after. Everything
 * written is removed at the end. Asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import neo4j from "neo4j-driver";
import { mintToken } from "../src/auth/tokens.js";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { SUPPORT_TOPICS } from "../src/modules/offers/offer.model.js";
import { seededRandom } from "../src/modules/similarity/stats.js";
import { ms, table, startCompiledServer } from "./support.js";
import { numberOptions } from "./options.js";
import { cleanUpWrites, query } from "../tests/helpers/writes.js";

const SUBJECT = `bench-load-${Date.now()}`;
/** Schools the writes use: maintained schools in Hampshire with no memberships or offers. */
const WRITE_LA = 850;
const WRITE_SCHOOLS = 200;

/** Resident memory of a process in MiB, from /proc (Linux). */
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

interface Request {
  kind: string;
  token?: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Runs autocannon with `next` choosing each request; `seen` gets every answer with the kind of
 * request it answered (one request at a time per connection, so its context names it).
 */
function run(
  url: string,
  connections: number,
  duration: number,
  next: () => Request,
  seen: (kind: string, status: number, body: string) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        requests: [
          {
            method: "POST",
            setupRequest: (request, context) => {
              const chosen = next();
              (context as { kind?: string }).kind = chosen.kind;
              return {
                ...request,
                headers: {
                  "content-type": "application/json",
                  ...(chosen.token ? { authorization: `Bearer ${chosen.token}` } : {}),
                },
                body: JSON.stringify({ query: chosen.query, variables: chosen.variables }),
              };
            },
            onResponse: (status, body, context) => {
              seen(String((context as { kind?: string } | undefined)?.kind), status, body);
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
  });
}

async function main(): Promise<void> {
  const { duration, connections, writes, warmup } = numberOptions({
    duration: { default: 60, min: 1 },
    connections: { default: 64, min: 1 },
    writes: { default: 0.2, min: 0 },
    warmup: { default: 10, min: 0 },
  });
  const writeShare = Math.min(1, writes);

  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 60_000 });
  const secret = randomBytes(32).toString("base64url");
  const key = new TextEncoder().encode(secret);

  const readUrns = (
    await query(
      db,
      "MATCH (s:School) WHERE s.urn % 7 = 0 RETURN s.urn AS urn ORDER BY urn LIMIT 2000",
    )
  ).map((row) => Number(row["urn"]));
  const writeUrns = (
    await query(
      db,
      `MATCH (s:School {laCode: $la, governance: 'MAINTAINED'})
       WHERE NOT (s)-[:MEMBER_OF]->() AND s.offers IS NULL
       RETURN s.urn AS urn ORDER BY urn LIMIT $limit`,
      { la: neo4j.int(WRITE_LA), limit: neo4j.int(WRITE_SCHOOLS) },
    )
  ).map((row) => Number(row["urn"]));
  const partnershipIds = (
    await query(
      db,
      "MATCH (p:Partnership) WHERE p.id STARTS WITH 'gias-' RETURN p.id AS id ORDER BY id LIMIT 500",
    )
  ).map((row) => String(row["id"]));
  const laCodes = (await query(db, "MATCH (la:LocalAuthority) RETURN la.code AS code")).map((row) =>
    Number(row["code"]),
  );
  const tokens = new Map<number, string>();
  for (const urn of writeUrns) {
    tokens.set(urn, await mintToken({ role: "SCHOOL", sub: `${SUBJECT}-${urn}`, urn }, key));
  }

  // Seeded, so every run sends the same mix.
  const random = seededRandom(20_251_122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const next = (): Request => {
    const roll = random();
    if (roll < writeShare * 0.6) {
      const urn = pick(writeUrns);
      return {
        kind: "updateSchoolOffer",
        token: tokens.get(urn),
        query: `mutation ($urn: Int!, $offers: [SupportTopic!]!) { updateSchoolOffer(urn: $urn, offers: $offers, seeks: []) { urn offers } }`,
        variables: { urn, offers: [pick(SUPPORT_TOPICS)] },
      };
    }
    if (roll < writeShare) {
      const index = Math.floor(random() * (writeUrns.length - 1));
      const proposer = writeUrns[index] as number;
      return {
        kind: "proposePartnership",
        token: tokens.get(proposer),
        query: `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id status } }`,
        variables: {
          input: { proposerUrn: proposer, inviteeUrns: [writeUrns[index + 1]], model: "cluster" },
        },
      };
    }
    const read = random();
    if (read < 0.4) {
      return {
        kind: "school",
        token: tokens.get(pick(writeUrns)),
        query: `query ($urn: Int!) { school(urn: $urn) { name phase offers localAuthority { name } region { name } memberships { partnership { id name } } } }`,
        variables: { urn: pick(readUrns) },
      };
    }
    if (read < 0.6) {
      return {
        kind: "schools",
        query: `query ($la: Int!) { schools(first: 20, filter: { localAuthorityCode: $la }) { edges { node { urn name phase } } pageInfo { endCursor } } }`,
        variables: { la: pick(laCodes) },
      };
    }
    if (read < 0.75) {
      return {
        kind: "partnership",
        query: `query ($id: ID!) { partnership(id: $id) { name memberCount members(first: 20) { edges { node { school { urn name } } } } } }`,
        variables: { id: pick(partnershipIds) },
      };
    }
    if (read < 0.9) {
      return {
        kind: "collaborationOptions",
        query: `query ($urn: Int!) { collaborationOptions(urn: $urn) { category options { model { id } steps } } }`,
        variables: { urn: pick(readUrns) },
      };
    }
    return {
      kind: "collaborationModels",
      query: "{ collaborationModels { id name leavingRule } }",
      variables: {},
    };
  };

  const server = await startCompiledServer({ LOG_LEVEL: "info", JWT_SECRET: secret });
  const pid = server.process.pid as number;
  try {
    const url = server.ready;
    // An unmeasured pass first: the server builds its in-memory indexes and Neo4j warms its
    // caches in the first seconds, which would otherwise dominate a short run.
    if (warmup > 0) await run(url, connections, warmup, next, () => {});
    const memoryBefore = residentMiB(pid);
    const errorsByKind = new Map<string, number>();
    const sentByKind = new Map<string, number>();
    let firstError = "";

    const result = await run(url, connections, duration, next, (kind, status, body) => {
      sentByKind.set(kind, (sentByKind.get(kind) ?? 0) + 1);
      if (status === 200 && !body.includes('"errors"')) return;
      errorsByKind.set(kind, (errorsByKind.get(kind) ?? 0) + 1);
      firstError ||= `${kind}: ${status} ${body.slice(0, 300)}`;
    });
    const memoryAfter = residentMiB(pid);
    const errors = [...errorsByKind.values()].reduce((sum, n) => sum + n, 0);

    console.log(
      `\nLoad: ${connections} clients for ${duration} s, about ${Math.round(writeShare * 100)}% writes\n`,
    );
    console.log(
      table(
        ["measure", "value"],
        [
          ["requests", String(result.requests.total)],
          ["throughput", `${result.requests.average.toFixed(1)} req/s`],
          ["latency p50", ms(result.latency.p50)],
          ["latency p90", ms(result.latency.p90)],
          ["latency p99", ms(result.latency.p99)],
          ["latency max", ms(result.latency.max)],
          ["errors (HTTP or GraphQL)", String(errors + result.errors + result.timeouts)],
          ["server RSS before", `${memoryBefore.toFixed(0)} MiB`],
          ["server RSS after", `${memoryAfter.toFixed(0)} MiB`],
        ],
      ),
    );
    console.log(`\nsent by kind: ${[...sentByKind].map(([kind, n]) => `${kind} ${n}`).join(", ")}`);
    if (errors > 0) {
      console.log(
        `errors by kind: ${[...errorsByKind].map(([kind, n]) => `${kind} ${n}`).join(", ")}`,
      );
      console.log(`first error: ${firstError}`);
    }
  } finally {
    await server.stop();
    // What the writers made, as the API tests remove theirs.
    await cleanUpWrites(db, SUBJECT, writeUrns);
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
