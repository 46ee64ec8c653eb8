/**
 * npm run bench:gaps [-- --runs N] [-- --requests N]
 *
 * 1. The whole-England gap computation against a naive baseline in the same run. Ours: the reach
 *    index (a grid of leaders per designation, pairs for schools in need only) and two passes over
 *    its pairs (src/modules/support/gap-index.ts). Naive: the same two-step floating catchment by
 *    brute force, every school in need against every system leader, with a haversine for each
 *    pair. Both start from the same snapshot, read once from the configured Neo4j, and must give
 *    the same gap index for every area. The snapshot read itself, and a cold start (read, index,
 *    compute, as the first query after a data change pays), are timed too. Times are medians.
 * 2. Query latency through the GraphQL app (in process, one client, no HTTP), cached as a
 *    running server caches: each request checks the data version (one short Neo4j read) and
 *    answers from memory. p50/p95 per query, beside the same supportGaps query computed afresh
 *    on every request (the baseline a server without the cache would pay).
 *
 * Prints tables; asserts nothing. The targets are ≤ 1 s for the whole-England computation and
 * p95 ≤ 50 ms per query. Needs need bands (`npm run need-bands`).
 */
import "reflect-metadata";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { createLogger } from "../src/logger.js";
import { haversineKm } from "../src/modules/matching/geo.js";
import type { AreaGap, SupportSnapshot } from "../src/modules/support/gap.model.js";
import {
  areaGroups,
  buildReachIndex,
  computeGaps,
  isStrongSchool,
  LeaderGrid,
  needWeight,
} from "../src/modules/support/gap-index.js";
import {
  DEFAULT_GAP_PARAMETERS,
  MAX_SENSITIVITY_CHANGE,
  REACH_KM,
} from "../src/modules/support/support.rules.js";
import { GapRepository } from "../src/modules/support/gap.repository.js";
import { hubAreasOf, PreparedSnapshot } from "../src/modules/support/gap.store.js";
import type { HubAreas } from "../src/modules/support/hub-areas.js";
import { availableCapacity, servesPhase, settingFactor } from "../src/modules/support/reach.js";
import { createApp } from "../src/server.js";
import { median, ms, percentile, ratio, table } from "./support.js";
import { numberOptions } from "./options.js";

const MODELLED = { ...DEFAULT_GAP_PARAMETERS, supply: "MODELLED" } as const;

/** Gap index per area key by brute force: every school in need against every leader. */
function naiveGaps(snapshot: SupportSnapshot, hubAreas: HubAreas): Map<string, number> {
  const { schools, leaders } = snapshot;
  const partnershipCredit = DEFAULT_GAP_PARAMETERS.partnershipCredit;
  const inReach = (i: number, j: number): boolean => {
    const school = schools[i]!;
    const leader = leaders[j]!;
    if (school.latitude === null || school.longitude === null) return false;
    if (leader.designation === "TEACHING_SCHOOL_HUB") {
      return school.laCode !== null && hubAreas.hubOfLa.get(school.laCode)?.hub === j;
    }
    if (leader.latitude === null || leader.longitude === null) return false;
    if (!servesPhase(leader.phase, school.phase)) return false;
    const km = haversineKm(school.latitude, school.longitude, leader.latitude, leader.longitude);
    return km <= REACH_KM[leader.designation] * settingFactor(school);
  };
  const need = schools.map((school) => needWeight(school.needBand));
  const demand = new Float64Array(leaders.length);
  schools.forEach((_, i) => {
    if (need[i] === 0) return;
    leaders.forEach((_, j) => {
      if (inReach(i, j)) demand[j] = (demand[j] as number) + (need[i] as number);
    });
  });
  // Support within a trust: each strong member's place shared by need weight, capped at need.
  const strong = new Map<string, number>();
  const wanted = new Map<string, number>();
  schools.forEach((school, i) => {
    if (school.trustId === null) return;
    if (isStrongSchool(school)) strong.set(school.trustId, (strong.get(school.trustId) ?? 0) + 1);
    wanted.set(school.trustId, (wanted.get(school.trustId) ?? 0) + (need[i] as number));
  });
  const unmet = new Float64Array(schools.length);
  schools.forEach((school, i) => {
    const weight = need[i] as number;
    if (weight === 0) return;
    const trust = school.trustId === null ? 0 : (strong.get(school.trustId) ?? 0);
    let places = trust === 0 ? 0 : Math.min(1, trust / wanted.get(school.trustId!)!);
    leaders.forEach((leader, j) => {
      if (!inReach(i, j)) return;
      places += availableCapacity(leader.capacity, leader.openEngagements) / (demand[j] as number);
    });
    const member = school.inPartnership ? 1 : 0;
    unmet[i] = weight * (1 - Math.min(1, weight * places)) * (1 - partnershipCredit * member);
  });
  const gaps = new Map<string, number>();
  for (const group of areaGroups(snapshot)) {
    let total = 0;
    for (const i of group.schools) total += unmet[i] as number;
    gaps.set(
      `${group.area.level}:${group.area.code}`,
      group.schools.length === 0 ? 0 : (100 * total) / group.schools.length,
    );
  }
  return gaps;
}

function sameGaps(ours: readonly AreaGap[], naive: Map<string, number>): boolean {
  return ours.every(
    (gap) =>
      Math.abs(gap.gapIndex - (naive.get(`${gap.area.level}:${gap.area.code}`) ?? NaN)) < 1e-9,
  );
}

async function time<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const QUERIES: { name: string; query: string }[] = [
  {
    name: "supportGaps (England, both levels, 20)",
    query:
      "{ supportGaps(first: 20) { area { code name level } needSchools supply gapIndex rural coastal } }",
  },
  {
    name: "supportGaps (RURAL, LAs, 50)",
    query:
      "{ supportGaps(kind: RURAL, level: LOCAL_AUTHORITY, first: 50) { area { code } gapIndex } }",
  },
  {
    name: "supportGaps (region, COASTAL districts)",
    query:
      '{ supportGaps(regionCode: "E12000009", kind: COASTAL, level: DISTRICT) { area { code } gapIndex } }',
  },
  {
    name: "schoolsToSupport (hub, 10)",
    query:
      '{ schoolsToSupport(systemLeaderId: "tsh-sw6", first: 10) { score needBand distanceKm } }',
  },
  {
    name: "supportAssignments (South West)",
    query: '{ supportAssignments(regionCode: "E12000009") { assignedSchools coveredWeight } }',
  },
  {
    name: "isolatedSchools (20)",
    query: "{ isolatedSchools(first: 20) { needBand nearestLeaderKm } }",
  },
  {
    name: "gapSensitivity (LAs, top 10)",
    query: "{ gapSensitivity(level: LOCAL_AUTHORITY) { scenarios { parameter factor } } }",
  },
  {
    name: "convertorAcademiesSupport (region)",
    query: '{ convertorAcademiesSupport(regionCode: "E12000008") { convertors supporting } }',
  },
];

async function main(): Promise<void> {
  const { runs, requests } = numberOptions({
    runs: { default: 5, min: 1 },
    requests: { default: 200, min: 10 },
  });
  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  try {
    const repository = new GapRepository(db);

    // 1. The computation, ours against the naive baseline.
    const reads: number[] = [];
    const indexes: number[] = [];
    const computes: number[] = [];
    const colds: number[] = [];
    const naives: number[] = [];
    let snapshot: SupportSnapshot | null = null;
    let agree = true;
    for (let run = 0; run < runs; run++) {
      const read = await time(() => repository.loadSnapshot());
      snapshot = read.value;
      if (!snapshot.schools.some((school) => school.needBand !== null)) {
        throw new Error("No need bands: run `npm run need-bands` first.");
      }
      const loaded = snapshot;
      // MODELLED: every leader, synthetic ones included, the heaviest case (REAL skips them).
      const index = await time(() => {
        const grid = new LeaderGrid(loaded.leaders);
        const hubAreas = hubAreasOf(loaded);
        return {
          hubAreas,
          reach: buildReachIndex(loaded, grid, 1 + MAX_SENSITIVITY_CHANGE, hubAreas),
        };
      });
      const computed = await time(() => computeGaps(loaded, index.value.reach, MODELLED));
      const naive = await time(() => naiveGaps(loaded, index.value.hubAreas));
      agree &&= sameGaps(computed.value.areas, naive.value);
      reads.push(read.ms);
      indexes.push(index.ms);
      computes.push(computed.ms);
      colds.push(read.ms + index.ms + computed.ms);
      naives.push(naive.ms);
      // What the service does on first use after a change: read, index, compute, all together.
      const cold = await time(async () => {
        const prepared = new PreparedSnapshot(await repository.loadSnapshot());
        return prepared.gaps(MODELLED);
      });
      colds[colds.length - 1] = cold.ms;
    }
    const ourCompute = median(indexes) + median(computes);
    console.log(
      `\nWhole-England gap computation: ${snapshot!.schools.length} state-funded schools, ` +
        `${snapshot!.leaders.length} system leaders; median of ${runs} runs\n`,
    );
    console.log(
      table(
        ["step", "median", "vs naive"],
        [
          ["snapshot read from Neo4j", ms(median(reads)), ""],
          ["reach index (grid, pairs for schools in need)", ms(median(indexes)), ""],
          ["gap computation over the index", ms(median(computes)), ""],
          ["ours: index + computation", ms(ourCompute), ratio(median(naives), ourCompute)],
          ["naive: every school in need × every leader", ms(median(naives)), "1.0x"],
          ["cold start: read + index + computation", ms(median(colds)), ""],
        ],
      ),
    );
    console.log(`Same gap index for every area as the naive baseline: ${agree ? "yes" : "NO"}`);

    // 2. Query latency through the app, cached, against an uncached supportGaps.
    const app = await createApp(db, { logger: createLogger({ level: "silent" }) });
    const run = async (query: string) => {
      const response = await app.apollo.executeOperation(
        { query },
        { contextValue: app.createContext() },
      );
      if (response.body.kind !== "single" || response.body.singleResult.errors) {
        throw new Error(`${query} failed: ${JSON.stringify(response.body)}`);
      }
    };
    const rows: string[][] = [];
    for (const { name, query } of QUERIES) {
      await run(query); // the first request after start-up builds the snapshot
      const latencies: number[] = [];
      for (let i = 0; i < requests; i++) latencies.push((await time(() => run(query))).ms);
      latencies.sort((a, b) => a - b);
      rows.push([name, ms(percentile(latencies, 0.5)), ms(percentile(latencies, 0.95)), ""]);
    }
    const uncached: number[] = [];
    for (let i = 0; i < Math.min(runs * 4, 20); i++) {
      uncached.push(
        (
          await time(async () => {
            const prepared = new PreparedSnapshot(snapshot!);
            return prepared
              .gaps()
              .areas.slice()
              .sort((a, b) => b.gapIndex - a.gapIndex)
              .slice(0, 20);
          })
        ).ms,
      );
    }
    uncached.sort((a, b) => a - b);
    const cachedP95 = Number(rows[0]![2]!.split(" ")[0]);
    rows.push([
      "baseline: supportGaps computed afresh (no read)",
      ms(percentile(uncached, 0.5)),
      ms(percentile(uncached, 0.95)),
      "",
    ]);
    rows[0]![3] = ratio(percentile(uncached, 0.95), cachedP95);
    console.log(`\nQuery latency, ${requests} sequential requests each, in process\n`);
    console.log(table(["query", "p50", "p95", "baseline p95 / ours"], rows));
    await app.close();
  } finally {
    await db.close();
  }
}

await main();
