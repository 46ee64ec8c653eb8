/**
 * npm run bench:replicas [-- --writes 20] [-- --grants 10] [-- --load-seconds 10] [-- --connections 16]
 *
 * The staleness bound across replicas, measured. Three compiled servers (`dist/index.js`, built
 * first, run with `npm run serve`'s options) on the configured Neo4j, behind the round-robin
 * balancer of the replica test (tests/helpers/balancer.ts). Writes go through replica A one at a
 * time, each after a random pause of up to a second (so writes fall at every point of the other
 * replicas' DATA_VERSION_MAX_AGE_MS), and replicas B and C are each asked every 25 ms, directly,
 * until their answer shows the write. A visibility time runs from A's answer to the write to the
 * first answer from B or C that shows it, so it includes that answer's own time. A, the writer,
 * is asked the same way: it reads the data version again at once after its own write, so its
 * figure is what reloading the store costs, and B's and C's less A's is the version's age. Per
 * store:
 *
 * - gap snapshot: a support engagement (taking a place of a leader designated for the run), seen
 *   when the LA's `supply` in `supportGaps` moves;
 * - partner facts: a school's offer (Mathematics on, then off), seen in `partnerSuggestions`
 *   when the school's OFFERS_WHAT_IS_SOUGHT reason names it, or no longer does;
 * - school: the same offer, seen in `school { offers }`, which reads the graph per request;
 * - funding: a grant, seen in `fundingReport`'s count of grants.
 *
 * Then throughput through the balancer: `--connections` clients, each sending a mix of reads
 * (school, partnerSuggestions, supportGaps) one after another, for `--load-seconds` with three
 * replicas and again after replica C is killed (SIGKILL) at the start of the second run. Reports
 * requests per second, latency percentiles and failed requests, which should only be those C held.
 * A few unreported seconds of the same mix warm the replicas first.
 * Writes to real schools of North Yorkshire (LA 815) and reads that LA's figures; its grants fall
 * in a window of award dates of their own. Everything written is removed at the end, and the
 * offers it set are reset. Asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { config, projectRoot } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import type { Database } from "../src/db/driver.js";
import { seededRandom } from "../src/modules/similarity/stats.js";
import {
  ReplicaGapSupplyDocument,
  ReplicaDesignateDocument,
  ReplicaEngageDocument,
  ReplicaFundingDocument,
  ReplicaGrantDocument,
  ReplicaOfferDocument,
  ReplicaPartnersDocument,
  ReplicaSchoolDocument,
  type ReplicaPartnersQuery,
} from "../tests/__generated__/graphql.js";
import { startBalancer } from "../tests/helpers/balancer.js";
import {
  NORTH_YORKSHIRE,
  REPLICA_SEARCH,
  dataFrom,
  freePrimaries,
  laSupplyOn,
  post,
  schoolOn,
  startReplicas,
  suggestionsOn,
  type Replica,
} from "../tests/helpers/replicas.js";
import { cleanUpWrites, query } from "../tests/helpers/writes.js";
import { numberOptions } from "./options.js";
import { ms, percentile, serveNodeOptions, table } from "./support.js";

const SUBJECT = `bench-replicas-${Date.now()}`;
const AREA = NORTH_YORKSHIRE;
/** Award dates no test or other benchmark records grants on. */
const FROM = "1992-03-01";
const TO = "1992-03-31";
const POLL_MS = 25;
/** A write not seen by then is reported as not seen. */
const CEILING_MS = 60_000;

const options = numberOptions({
  writes: { default: 20, min: 1 },
  grants: { default: 10, min: 1 },
  "load-seconds": { default: 10, min: 1 },
  connections: { default: 16, min: 1 },
});

const log = (line: string) => console.log(line);
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function urnsOf(db: Database, cypher: string, params: Record<string, unknown>) {
  const rows = await query<{ urn: unknown }>(db, cypher, params);
  return rows.map((row) => Number(row.urn));
}

type Suggestion = ReplicaPartnersQuery["partnerSuggestions"][number];

function offersMaths(suggestions: readonly Suggestion[], urn: number): boolean {
  const reason = suggestions
    .find((s) => s.urn === urn)
    ?.reasons.find((r) => r.factor === "OFFERS_WHAT_IS_SOUGHT");
  return reason?.matchedTopics.includes("MATHEMATICS") ?? false;
}

/**
 * Asks `read` every POLL_MS until `shows` holds; the milliseconds from `since` to the answer
 * that showed it, or NaN past CEILING_MS.
 */
async function visibleAfter<T>(
  since: number,
  read: () => Promise<T>,
  shows: (value: T) => boolean,
): Promise<number> {
  for (;;) {
    try {
      if (shows(await read())) return performance.now() - since;
    } catch {
      // An error answer has not shown it yet.
    }
    if (performance.now() - since > CEILING_MS) return Number.NaN;
    await sleep(POLL_MS);
  }
}

interface Kind {
  name: string;
  store: string;
  /** Milliseconds per replica asked. */
  times: Map<string, number[]>;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: projectRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "unknown (not a git checkout)";
  }
}

async function main(): Promise<void> {
  const c = config();
  const db = connectConfigured(c);
  log(`bench:replicas ${new Date().toISOString()}  ${JSON.stringify(options)}`);
  log(
    `commit ${commit()}, ${availableParallelism()} cores, DATA_VERSION_MAX_AGE_MS ${c.DATA_VERSION_MAX_AGE_MS}`,
  );
  execFileSync("npm", ["run", "build"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const set = await startReplicas({
    count: 3,
    nodeArgs: [path.join(projectRoot, "dist", "index.js")],
    env: { NODE_ENV: "production", NODE_OPTIONS: serveNodeOptions() },
  });
  const [a, b, cReplica] = set.replicas as [Replica, Replica, Replica];
  const others = [b, cReplica];
  const balancer = await startBalancer(set.replicas.map((replica) => replica.base));
  const admin = await set.token({ role: "ADMIN", sub: `${SUBJECT}-admin` });
  const random = seededRandom(7);
  let leaderId = "";
  let candidate = 0;

  try {
    const laSupply = (replica: Replica) => laSupplyOn(replica, AREA);
    const suggestions = (replica: Replica, asker: number) => suggestionsOn(replica, asker, admin);
    const offersOf = async (replica: Replica, urn: number) =>
      (await schoolOn(replica, urn, admin)).offers ?? null;
    const grantsIn = async (replica: Replica) =>
      dataFrom(
        await post(replica.base, ReplicaFundingDocument, { la: AREA.laCode, from: FROM, to: TO }),
        replica.name,
      ).fundingReport.grants;

    // Schools: a leader's base and the schools it supports; an asker (the weakest primary by
    // KS2 results) and a suggested partner of it that offers nothing; a grant recipient.
    const [base, ...supported] = await freePrimaries(db, AREA.laCode, options.writes + 1);
    const [asker] = await urnsOf(
      db,
      `MATCH (s:School {laCode: $la, governance: "MAINTAINED", phase: "PRIMARY"})
       WHERE s.location IS NOT NULL AND s.offers IS NULL AND s.seeks IS NULL
         AND s.ks2RwmExpectedYear = "2024/25"
       RETURN s.urn AS urn ORDER BY s.ks2RwmExpected, s.urn LIMIT 1`,
      { la: AREA.laCode },
    );
    // Warm every replica: each builds its index, facts and gap snapshot on first use.
    for (const replica of set.replicas) {
      await visibleAfter(
        performance.now(),
        () => laSupply(replica),
        () => true,
      );
      await visibleAfter(
        performance.now(),
        () => suggestions(replica, asker!),
        () => true,
      );
    }
    const quiet = (await suggestions(a, asker!)).filter((s) => !offersMaths([s], s.urn));
    candidate =
      (
        await urnsOf(
          db,
          `UNWIND $urns AS urn MATCH (s:School {urn: urn}) WHERE s.offers IS NULL
       RETURN s.urn AS urn LIMIT 1`,
          { urns: quiet.map((s) => s.urn) },
        )
      )[0] ?? 0;
    if (!candidate) throw new Error(`No suggested partner of ${asker} offers nothing.`);

    leaderId = dataFrom(
      await post(
        a.base,
        ReplicaDesignateDocument,
        {
          input: {
            urn: base!,
            designation: "NLE",
            specialisms: ["MATHEMATICS"],
            capacity: options.writes + 1,
          },
        },
        { token: admin },
      ),
    ).designateSystemLeader.id;
    const leaderToken = await set.token({
      role: "SYSTEM_LEADER",
      sub: `${SUBJECT}-leader`,
      systemLeaderId: leaderId,
    });
    const designated = await laSupply(a);
    for (const replica of others) {
      await visibleAfter(
        performance.now(),
        () => laSupply(replica),
        (s) => s === designated,
      );
    }

    const kinds: Kind[] = [
      { name: "engagement", store: "gap snapshot (supportGaps)", times: new Map() },
      { name: "offer", store: "partner facts (partnerSuggestions)", times: new Map() },
      { name: "offer", store: "school (school, per request)", times: new Map() },
      { name: "grant", store: "funding (fundingReport)", times: new Map() },
    ];
    const record = (kind: Kind, replica: Replica, time: number) => {
      const list = kind.times.get(replica.name) ?? [];
      list.push(time);
      kind.times.set(replica.name, list);
    };
    const [engagements, partnerFacts, schools, funding] = kinds as [Kind, Kind, Kind, Kind];
    /** Records, for `kind`, when each replica's `read` first `shows` the write made at `written`. */
    const seenOnEvery = <T>(
      kind: Kind,
      written: number,
      read: (replica: Replica) => Promise<T>,
      shows: (value: T) => boolean,
    ) =>
      Promise.all(
        set.replicas.map(async (replica) =>
          record(kind, replica, await visibleAfter(written, () => read(replica), shows)),
        ),
      );

    log(`\n${options.writes} engagements through A...`);
    let supply = designated;
    for (const urn of supported) {
      await sleep(random() * 1_000);
      dataFrom(
        await post(
          a.base,
          ReplicaEngageDocument,
          { input: { systemLeaderId: leaderId, urn, focus: "Maths leadership" } },
          { token: leaderToken },
        ),
        "A",
      );
      const before = supply;
      await seenOnEvery(engagements, performance.now(), laSupply, (s) => s !== before);
      supply = await laSupply(a);
    }

    log(`${options.writes} offers through A...`);
    for (let i = 0; i < options.writes; i++) {
      const on = i % 2 === 0;
      await sleep(random() * 1_000);
      dataFrom(
        await post(
          a.base,
          ReplicaOfferDocument,
          { urn: candidate, offers: on ? ["MATHEMATICS"] : [], seeks: [] },
          { token: admin },
        ),
        "A",
      );
      const written = performance.now();
      await Promise.all([
        seenOnEvery(
          partnerFacts,
          written,
          (replica) => suggestions(replica, asker!),
          (s) => offersMaths(s, candidate) === on,
        ),
        seenOnEvery(
          schools,
          written,
          (replica) => offersOf(replica, candidate),
          (offers) => (offers ?? []).includes("MATHEMATICS") === on,
        ),
      ]);
    }

    log(`${options.grants} grants through A...`);
    let grants = await grantsIn(a);
    for (let i = 0; i < options.grants; i++) {
      await sleep(random() * 1_000);
      dataFrom(
        await post(
          a.base,
          ReplicaGrantDocument,
          {
            input: {
              fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
              amountPence: 100_000,
              funder: "Department for Education",
              awardedOn: "1992-03-15",
              startsOn: "1992-04-01",
              endsOn: "1993-03-31",
              purpose: "Improving early reading across the school",
              recipientUrn: base!,
            },
          },
          { token: admin },
        ),
        "A",
      );
      const expected = grants + 1;
      await seenOnEvery(funding, performance.now(), grantsIn, (n) => n === expected);
      grants = expected;
    }

    log(
      `\nVisibility on replicas B and C of a write through A (ms from A's answer; polled every ${POLL_MS} ms);` +
        `\nA, the writer, asked the same way: what the reload alone costs\n`,
    );
    const rows: string[][] = [];
    for (const kind of kinds) {
      const all = others.flatMap((replica) => kind.times.get(replica.name) ?? []);
      const onA = Float64Array.from(kind.times.get(a.name) ?? []).sort();
      const seen = Float64Array.from(all.filter(Number.isFinite)).sort();
      rows.push([
        kind.store,
        kind.name,
        String(all.length),
        ms(percentile(seen, 0.5)),
        ms(percentile(seen, 0.95)),
        ms(seen.at(-1) ?? Number.NaN),
        String(all.length - seen.length),
        ...others.map((replica) => {
          const own = Float64Array.from(kind.times.get(replica.name) ?? []).sort();
          return ms(percentile(own, 0.95));
        }),
        ms(percentile(onA, 0.5)),
        ms(percentile(onA, 0.95)),
      ]);
    }
    log(
      table(
        [
          "store (read)",
          "write",
          "n",
          "p50",
          "p95",
          "max",
          "unseen",
          "p95 on B",
          "p95 on C",
          "A p50",
          "A p95",
        ],
        rows,
      ),
    );

    // Throughput through the balancer: three replicas, then two after C is killed.
    const load = async (seconds: number, onStart?: () => Promise<void>) => {
      const times: number[] = [];
      const failures: { at: number; detail: string }[] = [];
      let running = true;
      const started = performance.now();
      const client = async (seed: number) => {
        const pick = seededRandom(seed);
        while (running) {
          const sentAt = performance.now();
          const roll = pick();
          try {
            const result =
              roll < 0.5
                ? await post(
                    balancer.base,
                    ReplicaSchoolDocument,
                    { urn: asker! },
                    { token: admin },
                  )
                : roll < 0.8
                  ? await post(
                      balancer.base,
                      ReplicaPartnersDocument,
                      { urn: asker!, input: REPLICA_SEARCH },
                      { token: admin },
                    )
                  : await post(balancer.base, ReplicaGapSupplyDocument, {
                      regionCode: AREA.regionCode,
                    });
            if (result.status !== 200 || result.errors) {
              failures.push({ at: sentAt, detail: `HTTP ${result.status}` });
            } else times.push(performance.now() - sentAt);
          } catch (error) {
            failures.push({ at: sentAt, detail: (error as Error).message.slice(0, 80) });
          }
        }
      };
      const clients = Array.from({ length: options.connections }, (_, i) => client(100 + i));
      await onStart?.();
      await sleep(seconds * 1_000);
      running = false;
      await Promise.all(clients);
      const elapsed = (performance.now() - started) / 1_000;
      return { times: Float64Array.from(times).sort(), failures, elapsed, started };
    };

    log(
      `\nThroughput through the balancer (${options.connections} clients, ${options["load-seconds"]} s each)\n`,
    );
    // Unreported: the replicas' code and caches warm under this mix first.
    await load(Math.min(5, options["load-seconds"]));
    const routedBefore = balancer.routed.length;
    const three = await load(options["load-seconds"]);
    const perReplica = set.replicas.map(
      (replica) =>
        balancer.routed.slice(routedBefore).filter((r) => r.backend === replica.base).length,
    );
    let killedAt = 0;
    const routedAtKill = balancer.routed.length;
    const two = await load(options["load-seconds"], async () => {
      await sleep(500);
      await cReplica.kill();
      killedAt = performance.now();
    });
    const failedRoutes = balancer.routed.slice(routedAtKill).filter((r) => r.status !== 200);
    const held = failedRoutes.filter(
      (r) => r.backend === cReplica.base && r.receivedAt <= killedAt,
    ).length;
    const throughputRows = [
      ["3 replicas", three],
      ["2 replicas (C killed 0.5 s in)", two],
    ].map(([name, run]) => {
      const r = run as Awaited<ReturnType<typeof load>>;
      return [
        name as string,
        (r.times.length / r.elapsed).toFixed(1),
        ms(percentile(r.times, 0.5)),
        ms(percentile(r.times, 0.95)),
        ms(percentile(r.times, 0.99)),
        String(r.failures.length),
      ];
    });
    log(table(["run", "req/s", "p50", "p95", "p99", "failed"], throughputRows));
    log(
      `\nRequests per replica with three: ${set.replicas
        .map((replica, i) => `${replica.name} ${perReplica[i]}`)
        .join(", ")}.`,
    );
    log(
      `With C killed: ${two.failures.length} failed (${held} sent to C before its exit was seen, ` +
        `${failedRoutes.length - held} otherwise); in rotation afterwards: ` +
        `${balancer
          .inRotation()
          .map((base) => set.replicas.find((replica) => replica.base === base)?.name)
          .join(", ")}.`,
    );
  } finally {
    await balancer.close();
    await set.stop();
    // Its grants, the leader (with its engagements) and audit events; the offer reset.
    await cleanUpWrites(db, SUBJECT, candidate ? [candidate] : []);
    await db.close();
  }
}

await main();
