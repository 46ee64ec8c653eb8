/**
 * npm run bench:matching [-- --duration S] [-- --rounds N] [-- --connections N] [-- --warmup S]
 *
 * Latency of similarSchools and partnerSuggestions under concurrent clients (16 by default), over
 * HTTP against the real server (src/index.ts, started here on a free port against the configured
 * Neo4j), each against a Cypher-only baseline answering the same question with the same rules by
 * querying Neo4j on every request (bench/baseline-server.ts), in the same run. Requests rotate
 * over a seeded sample of primary and secondary schools, and the scenarios take turns in rounds
 * (`--duration` seconds each in all, split over `--rounds`). Before timing, the two are checked to
 * return the same schools. Two more rows put the figures in context: similarSchools with each
 * school's full record (a batched Neo4j read per request), and `{ __typename }`, the cost of any
 * request to this server. The load generator shares the machine with both servers and Neo4j.
 * Prints a table of latency percentiles and the baseline/ours ratios; asserts nothing. The target
 * is p95 ≤ 20 ms per matching query.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { FEATURE_API_NAMES } from "../src/modules/similarity/feature-names.js";
import type { OutcomeFeature } from "../src/modules/similarity/features.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import { seededRandom } from "../src/modules/similarity/stats.js";
import { ms, ratio, sample, startScript, summarizeLoad, table, type Child } from "./support.js";
import type { LoadSummary } from "./support.js";
import { numberOptions } from "./options.js";

const SAMPLE_SIZE = 200;
const FIRST_SIMILAR = 20;
const FIRST_PARTNERS = 10;
const REACH_KM = 15;

interface Asker {
  urn: number;
  focus: OutcomeFeature;
}

interface Scenario {
  name: string;
  url: string;
  body: (asker: Asker) => unknown;
}

interface Measured extends LoadSummary {
  name: string;
}

/** Everything the in-memory index answers: URN, name, distance and why. */
const SIMILAR_QUERY = `query ($urn: Int!, $first: Int) {
  similarSchools(urn: $urn, first: $first) {
    urn name distance contributions { feature share }
  }
}`;

/** The same, with each school's full record from the graph (one batched read per request). */
const SIMILAR_WITH_SCHOOL_QUERY = `query ($urn: Int!, $first: Int) {
  similarSchools(urn: $urn, first: $first) {
    urn name distance contributions { feature share } school { postcode phase }
  }
}`;

const PARTNERS_QUERY = `query ($urn: Int!, $input: PartnerSearchInput) {
  partnerSuggestions(urn: $urn, input: $input) {
    urn name score distanceKm reasons { factor contribution }
  }
}`;

/** What any query costs this server before resolving a field: HTTP, Apollo, logging. */
const FLOOR_QUERY = "{ __typename }";

function graphql(query: string, variables: (asker: Asker) => Record<string, unknown>) {
  return (asker: Asker) => ({ query, variables: variables(asker) });
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Response times and errors of one autocannon run. */
interface Sample {
  times: number[];
  errors: number;
  seconds: number;
}

/** Runs one scenario with autocannon, keeping every response time. */
async function measure(
  scenario: Scenario,
  askers: readonly Asker[],
  options: { connections: number; duration: number },
): Promise<Sample> {
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: scenario.url,
        connections: options.connections,
        duration: options.duration,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(scenario.body(askers[next++ % askers.length]!)),
            }),
            onResponse: (status, body) => {
              // A GraphQL failure still answers 200; one in the body counts as an error too.
              if (status !== 200 || body.startsWith('{"errors"')) errors += 1;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return { times, errors: errors + result.errors + result.timeouts, seconds: options.duration };
}

/** Percentiles over every response time of a scenario's rounds. */
function summarize(name: string, samples: readonly Sample[]): Measured {
  return {
    name,
    ...summarizeLoad(
      samples.flatMap((sample) => sample.times),
      samples.reduce((sum, sample) => sum + sample.seconds, 0),
      samples.reduce((sum, sample) => sum + sample.errors, 0),
    ),
  };
}

/** Share of the baseline's schools that the server also returned, over every asker. */
async function agreement(
  askers: readonly Asker[],
  ours: (asker: Asker) => Promise<number[]>,
  baseline: (asker: Asker) => Promise<number[]>,
): Promise<number> {
  let shared = 0;
  let total = 0;
  for (const asker of askers) {
    const [a, b] = await Promise.all([ours(asker), baseline(asker)]);
    const set = new Set(a);
    shared += b.filter((urn) => set.has(urn)).length;
    total += b.length;
  }
  return total === 0 ? 1 : shared / total;
}

async function main(): Promise<void> {
  const { duration, warmup, connections, rounds } = numberOptions({
    duration: { default: 20, min: 1 },
    warmup: { default: 3, min: 1 },
    connections: { default: 16, min: 1 },
    rounds: { default: 2, min: 1 },
  });

  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  const profiles = await new SimilarityRepository(db).findProfiles();
  await db.close();
  const candidates = profiles
    .filter((p) => p.location !== null)
    .flatMap((p): Asker[] =>
      // A school can only ask about a key stage it has results for (a first school has no KS2).
      p.phase === "PRIMARY" && p.ks2RwmExpected !== null
        ? [{ urn: p.urn, focus: "ks2RwmExpected" }]
        : p.phase === "SECONDARY" && p.ks4Progress8 !== null
          ? [{ urn: p.urn, focus: "ks4Progress8" }]
          : [],
    );
  const askers = sample(candidates, SAMPLE_SIZE, seededRandom(42));

  const children: Child[] = [];
  try {
    // As deployed: production mode (graphql-js skips its development checks), which requires a
    // token key; this one is made up for the run and no token is ever issued with it.
    const server = await startScript("src/index.ts", /"url":"(http[^"]+)"/, {
      PORT: "0",
      NODE_ENV: "production",
      // The benchmark is one caller asking far more often than the per-caller limit allows.
      RATE_LIMIT_EXEMPT: "127.0.0.1",
      JWT_SECRET: randomBytes(32).toString("hex"),
    });
    children.push(server);
    const baseline = await startScript("bench/baseline-server.ts", /^listening (\S+)/);
    children.push(baseline);
    const graphqlUrl = server.ready;
    console.log(`server ${graphqlUrl}, baseline ${baseline.ready}`);

    const similarVariables = (asker: Asker) => ({ urn: asker.urn, first: FIRST_SIMILAR });
    const partnerVariables = (asker: Asker) => ({
      urn: asker.urn,
      input: {
        focus: FEATURE_API_NAMES[asker.focus],
        maxDistanceKm: REACH_KM,
        phaseMode: "SAME_PHASE",
        first: FIRST_PARTNERS,
      },
    });
    const baselinePartners = (asker: Asker) => ({
      urn: asker.urn,
      focus: asker.focus,
      maxDistanceKm: REACH_KM,
      first: FIRST_PARTNERS,
    });

    // The first request waits for the in-memory index to be built.
    await post(graphqlUrl, graphql(SIMILAR_QUERY, similarVariables)(askers[0]!));

    type Rows = { data: Record<string, { urn: number }[]> };
    const urnsOf = (field: string) => (body: unknown) =>
      ((body as Rows).data[field] ?? []).map((row) => row.urn);
    const similarAgreement = await agreement(
      askers.slice(0, 20),
      async (a) =>
        urnsOf("similarSchools")(
          await post(graphqlUrl, graphql(SIMILAR_QUERY, similarVariables)(a)),
        ),
      async (a) =>
        ((await post(`${baseline.ready}/similar`, similarVariables(a))) as { urn: number }[]).map(
          (row) => row.urn,
        ),
    );
    const partnerAgreement = await agreement(
      askers.slice(0, 20),
      async (a) =>
        urnsOf("partnerSuggestions")(
          await post(graphqlUrl, graphql(PARTNERS_QUERY, partnerVariables)(a)),
        ),
      async (a) =>
        ((await post(`${baseline.ready}/partners`, baselinePartners(a))) as { urn: number }[]).map(
          (row) => row.urn,
        ),
    );

    const scenarios: Scenario[] = [
      {
        name: "similarSchools: GraphQL, in-memory index",
        url: graphqlUrl,
        body: graphql(SIMILAR_QUERY, similarVariables),
      },
      {
        name: "  the same + school { ... } from Neo4j",
        url: graphqlUrl,
        body: graphql(SIMILAR_WITH_SCHOOL_QUERY, similarVariables),
      },
      {
        name: "similarSchools: baseline, Cypher per request",
        url: `${baseline.ready}/similar`,
        body: similarVariables,
      },
      {
        name: "partnerSuggestions: GraphQL, in-memory index",
        url: graphqlUrl,
        body: graphql(PARTNERS_QUERY, partnerVariables),
      },
      {
        name: "partnerSuggestions: baseline, Cypher per request",
        url: `${baseline.ready}/partners`,
        body: baselinePartners,
      },
      {
        name: "floor: { __typename } on the same server",
        url: graphqlUrl,
        body: () => ({ query: FLOOR_QUERY }),
      },
    ];
    for (const scenario of scenarios) {
      await measure(scenario, askers, { connections, duration: warmup });
    }
    // Scenarios take turns, round after round, so a burst of other load on the machine falls on
    // all of them rather than on whichever happened to be running.
    const samples: Sample[][] = scenarios.map(() => []);
    const perRound = Math.max(1, Math.round(duration / rounds));
    for (let round = 1; round <= rounds; round++) {
      for (const [i, scenario] of scenarios.entries()) {
        samples[i]!.push(await measure(scenario, askers, { connections, duration: perRound }));
      }
      console.log(`round ${round}/${rounds} done`);
    }
    const results = scenarios.map((scenario, i) => summarize(scenario.name, samples[i]!));

    console.log(
      `\n${connections} concurrent clients, ${rounds} rounds of ${perRound}s per scenario, ` +
        `taking turns, after ${warmup}s warm-up each; ` +
        `${askers.length} schools in rotation; ${FIRST_SIMILAR} similar schools or ` +
        `${FIRST_PARTNERS} partners (${REACH_KM} km, same phase) per request, with names.\n`,
    );
    console.log(
      table(
        ["scenario", "requests", "req/s", "p50", "p95", "p99", "errors"],
        results.map((r) => [
          r.name,
          String(r.requests),
          r.perSecond.toFixed(0),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          String(r.errors),
        ]),
      ),
    );
    const [similar, , similarBase, partners, partnersBase] = results as [
      Measured,
      Measured,
      Measured,
      Measured,
      Measured,
    ];
    console.log(
      "\n" +
        table(
          ["query", "p95 baseline/ours", "req/s ours/baseline", "p95 ≤ 20 ms", "same schools"],
          [
            [
              "similarSchools",
              ratio(similarBase.p95, similar.p95),
              ratio(similar.perSecond, similarBase.perSecond),
              similar.p95 <= 20 ? "yes" : "no",
              `${(similarAgreement * 100).toFixed(0)}%`,
            ],
            [
              "partnerSuggestions",
              ratio(partnersBase.p95, partners.p95),
              ratio(partners.perSecond, partnersBase.perSecond),
              partners.p95 <= 20 ? "yes" : "no",
              `${(partnerAgreement * 100).toFixed(0)}%`,
            ],
          ],
        ),
    );
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

await main();
