/**
 * npm run bench:hot [-- --duration S] [-- --connections N] [-- --keys N]
 *
 * The two questions users ask most, measured as the request-path issue sets them: p95 of
 * `partnerSuggestions` (a school's partners) and `schoolsToSupport` (a system leader's schools)
 * at 16 connections against the compiled server, each cycling over 200 keys (schools and system
 * leaders taken in the order of a hash of their id, so the sample is fixed and spread over
 * England), with `{ __typename }`, the floor of any request, measured in the same run. The
 * first request for each key is sent once, one at a time, before the timed run and reported on
 * its own row (a cold key may miss caches that the timed run then finds warm). Target: p95 ≤
 * 20 ms. Prints a table; asserts nothing.
 */
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import {
  ms,
  runScenario,
  startCompiledServer,
  summarizeLoad,
  table,
  type Child,
} from "./support.js";
import type { LoadSummary } from "./support.js";
import { numberOptions } from "./options.js";

const PARTNERS = `query ($urn: Int!) {
  partnerSuggestions(urn: $urn, input: { first: 10 }) {
    urn name score distanceKm reasons { factor contribution }
  }
}`;
/** Synthetic leaders are supply only in the MODELLED what-if; real ones are asked as REAL. */
const TO_SUPPORT = `query ($id: ID!, $supply: SupplyMode) {
  schoolsToSupport(systemLeaderId: $id, first: 10, supply: $supply) {
    urn name score needBand distanceKm
  }
}`;
const FLOOR = "{ __typename }";

interface Scenario {
  name: string;
  body: (i: number) => unknown;
  keys: number;
}

async function post(url: string, body: unknown): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { ms: performance.now() - started, ok: response.ok && !text.startsWith('{"errors"') };
}

async function main(): Promise<void> {
  const {
    duration: seconds,
    connections,
    keys: keyCount,
  } = numberOptions({
    duration: { default: 10, min: 1 },
    connections: { default: 16, min: 1 },
    keys: { default: 200, min: 1 },
  });

  // Keys in hash order: Knuth's multiplicative hash of the URN; FNV-1a of a leader's id.
  const db = await connectConfigured(config());
  const schools = await db.driver.executeQuery(
    `MATCH (s:School) WHERE s.stateFunded AND s.location IS NOT NULL
     WITH s ORDER BY (s.urn * 2654435761) % 4294967296 LIMIT toInteger($n)
     RETURN collect(s.urn) AS urns`,
    { n: keyCount },
  );
  const leaderRows = await db.driver.executeQuery(
    `MATCH (l:SystemLeader) RETURN l.id AS id, coalesce(l.synthetic, false) AS synthetic`,
  );
  const synthetic = new Set(
    leaderRows.records.filter((r) => r.get("synthetic") === true).map((r) => String(r.get("id"))),
  );
  const leaderIds = leaderRows.records.map((record) => String(record.get("id")));
  await db.close();
  const urns = (schools.records[0]?.get("urns") as unknown[]).map(Number);
  const leaders = hashOrder(leaderIds).slice(0, keyCount);

  const children: Child[] = [];
  try {
    const server = await startCompiledServer();
    children.push(server);
    const url = server.ready;

    const scenarios: Scenario[] = [
      {
        name: "partnerSuggestions",
        keys: urns.length,
        body: (i) => ({ query: PARTNERS, variables: { urn: urns[i % urns.length] } }),
      },
      {
        name: `schoolsToSupport (${leaders.filter((id) => !synthetic.has(id)).length} real leaders asked as REAL, the rest MODELLED)`,
        keys: leaders.length,
        body: (i) => {
          const id = leaders[i % leaders.length]!;
          return {
            query: TO_SUPPORT,
            variables: { id, supply: synthetic.has(id) ? "MODELLED" : "REAL" },
          };
        },
      },
      { name: "floor: { __typename }", keys: 1, body: () => ({ query: FLOOR }) },
    ];

    const rows: string[][] = [];
    const line = (name: string, c: LoadSummary) => [
      name,
      String(c.requests),
      c.perSecond.toFixed(0),
      ms(c.p50),
      ms(c.p95),
      ms(c.p99),
      String(c.errors),
    ];
    for (const scenario of scenarios) {
      // First request per key, one at a time.
      const first: number[] = [];
      let errors = 0;
      const started = performance.now();
      for (let i = 0; i < scenario.keys; i++) {
        const answer = await post(url, scenario.body(i));
        first.push(answer.ms);
        if (!answer.ok) errors += 1;
      }
      rows.push(
        line(
          `${scenario.name}, first request per key (${scenario.keys}, one at a time)`,
          summarizeLoad(first, (performance.now() - started) / 1000, errors),
        ),
      );
      await runScenario(url, scenario, connections, 2);
      rows.push(
        line(
          `${scenario.name}, ${connections} connections`,
          await runScenario(url, scenario, connections, seconds),
        ),
      );
    }
    console.log(
      `\n${connections} connections, ${seconds}s per scenario after a 2s warm-up, keys cycled in hash order; the load generator shares the machine with the server and Neo4j.\n`,
    );
    console.log(table(["scenario", "requests", "req/s", "p50", "p95", "p99", "errors"], rows));
  } finally {
    for (const child of children) await child.stop();
  }
}

/** Ids in the order of a 32-bit FNV-1a hash: a fixed sample spread over the list. */
function hashOrder(ids: readonly string[]): string[] {
  const hash = (id: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  return [...ids].sort((a, b) => hash(a) - hash(b) || (a < b ? -1 : 1));
}

await main();
