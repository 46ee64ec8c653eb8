/**
 * npm run bench:recompute [-- --connections N] [-- --idle S]
 *
 * Whether reads keep their latency while `recomputeFamilies` runs: the compiled server answers a
 * read mix (a school with its LA and region, its similar schools, partner suggestions; over 200
 * schools in hash order) at 8 connections, first for `--idle` seconds with nothing else running,
 * then while an admin's recomputeFamilies runs (its clustering in a child process at lower
 * priority, src/modules/common/child-task.ts). Prints p50/p95 of each phase and the ratio of
 * p95 during the recompute to idle (target ≤ 2×). The recompute writes a new FamilyRun, as the
 * mutation does; the run that was current before is made current again at the end, so the
 * database is left as it was found apart from that run's history. Asserts nothing.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { mintToken } from "../src/auth/tokens.js";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import { ms, percentile, table, type Child, startCompiledServer } from "./support.js";
import { numberOptions } from "./options.js";

const READS = [
  (urn: number) => ({
    query: `query ($urn: Int!) { school(urn: $urn) { urn name phase ofsted { grade }
      localAuthority { name region { name } } } }`,
    variables: { urn },
  }),
  (urn: number) => ({
    query: `query ($urn: Int!) { similarSchools(urn: $urn, first: 10) { urn name distance } }`,
    variables: { urn },
  }),
  (urn: number) => ({
    query: `query ($urn: Int!) { partnerSuggestions(urn: $urn, input: { first: 10 }) { urn score } }`,
    variables: { urn },
  }),
];

interface Phase {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  errors: number;
  seconds: number;
}

/** Drives the read mix until `until` resolves (or for `seconds`), and reports its latencies. */
async function readLoad(
  url: string,
  urns: readonly number[],
  connections: number,
  name: string,
  stop: { seconds: number } | { until: Promise<unknown> },
): Promise<Phase> {
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  const started = performance.now();
  // The callback form returns the instance, whose events give each response's latency.
  const instance = autocannon(
    {
      url,
      connections,
      duration: "seconds" in stop ? stop.seconds : 3_600,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => {
            const i = next++;
            return {
              ...request,
              body: JSON.stringify(READS[i % READS.length]!(urns[i % urns.length]!)),
            };
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.startsWith('{"errors"')) errors += 1;
          },
        },
      ],
    },
    () => undefined,
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  if ("until" in stop) void stop.until.finally(() => instance.stop());
  await new Promise((resolve) => instance.on("done", resolve));
  const sorted = Float64Array.from(times).sort();
  return {
    name,
    requests: times.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    errors,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const { connections, idle: idleSeconds } = numberOptions({
    connections: { default: 8, min: 1 },
    idle: { default: 15, min: 1 },
  });

  const db = await connectConfigured(config());
  const similarity = new SimilarityRepository(db);
  const before = await similarity.findCurrentRun();
  const sample = await db.driver.executeQuery(
    `MATCH (s:School) WHERE s.stateFunded AND s.location IS NOT NULL
     WITH s ORDER BY (s.urn * 2654435761) % 4294967296 LIMIT 200
     RETURN collect(s.urn) AS urns`,
  );
  const urns = (sample.records[0]?.get("urns") as unknown[]).map(Number);

  const secret = randomBytes(32).toString("base64url");
  const token = await mintToken(
    { role: "ADMIN", sub: `bench-recompute-${Date.now()}` },
    new TextEncoder().encode(secret),
  );
  const children: Child[] = [];
  try {
    const server = await startCompiledServer({ JWT_SECRET: secret });
    children.push(server);
    const url = server.ready;

    await readLoad(url, urns, connections, "warm-up", { seconds: 3 });
    const idle = await readLoad(url, urns, connections, "idle", { seconds: idleSeconds });

    const recomputeStarted = performance.now();
    const recompute = fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "mutation { recomputeFamilies { version } }" }),
    }).then((response) => response.json() as Promise<Record<string, unknown>>);
    const during = await readLoad(url, urns, connections, "during recomputeFamilies", {
      until: recompute,
    });
    const answer = await recompute;
    const recomputeSeconds = (performance.now() - recomputeStarted) / 1000;
    if (answer["errors"]) throw new Error(`recomputeFamilies failed: ${JSON.stringify(answer)}`);

    const rows = [idle, during].map((phase) => [
      phase.name,
      phase.seconds.toFixed(1),
      String(phase.requests),
      (phase.requests / phase.seconds).toFixed(0),
      ms(phase.p50),
      ms(phase.p95),
      String(phase.errors),
    ]);
    console.log(
      `\n${connections} connections; the read mix: a school with its areas, similarSchools, partnerSuggestions over ${urns.length} schools. recomputeFamilies took ${recomputeSeconds.toFixed(1)} s (${JSON.stringify(answer["data"])}).\n`,
    );
    console.log(table(["phase", "s", "requests", "req/s", "p50", "p95", "errors"], rows));
    console.log(`\np95 during / idle: ${(during.p95 / idle.p95).toFixed(2)}x (target ≤ 2x)`);
  } finally {
    for (const child of children) await child.stop();
    if (before) await similarity.markCurrent(before.version);
    await db.close();
  }
}

await main();
