/**
 * npm run bench:programmes [-- --runs N] [-- --requests N]
 *
 * 1. Evaluation: impactByPartnershipType for all of England. Ours: the exact context-neighbour
 *    search (src/modules/evaluation/context-neighbours.ts), every current member of every
 *    partnership type against the schools never in that type. Baseline: the similarity index's
 *    `similar(urn, { first, weights })` for each member, asking for more (up to its limit of
 *    MAX_RESULTS) until k schools outside the group are left. The two must give the same
 *    neighbours; where the baseline runs out of room (every school it may return is in the
 *    group) its list must be the start of ours. Then the whole question, cold (data version,
 *    snapshot read, compute: what the first request after a data change pays) and warm (the
 *    cached answer through the GraphQL app in process), for both comparison bases.
 * 2. Clusters: proposeClusters for the largest LAs at target sizes 3 and 8. Ours: the balanced
 *    assignment with a heap of each school's nearest centre with room (clustering.ts). Baseline:
 *    the same rule done directly, every (school, centre) pair sorted by distance and filled. The
 *    two must give identical assignments. Schools are read once from Neo4j (the cluster
 *    repository), so the pure steps are timed without database time; proposeClusters is also
 *    timed end to end through the app (a fifth of --requests, as each takes about 0.5 s).
 *
 * Prints tables; asserts nothing. Needs families and need bands (`npm start` loads both).
 */
import "reflect-metadata";
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { readDataVersion } from "../src/db/data-version.js";
import { Database } from "../src/db/driver.js";
import { createLogger } from "../src/logger.js";
import { buildProposals } from "../src/modules/clusters/cluster.rules.js";
import { ClusterRepository } from "../src/modules/clusters/cluster.repository.js";
import type { ClusterCandidates } from "../src/modules/clusters/cluster.model.js";
import {
  clusterPoints,
  distanceKm,
  greedyAssign,
  rankCentres,
  strengthOf,
  type Centre,
  type ClusterPoint,
  type Pair,
} from "../src/modules/clusters/clustering.js";
import { ContextNeighbourFinder } from "../src/modules/evaluation/context-neighbours.js";
import {
  CONTEXT_NEIGHBOUR_WEIGHTS,
  CONTEXT_NEIGHBOURS,
} from "../src/modules/evaluation/evaluation.rules.js";
import type {
  ComparisonBasis,
  ImpactSnapshot,
} from "../src/modules/evaluation/evaluation.model.js";
import { EvaluationRepository } from "../src/modules/evaluation/evaluation.repository.js";
import { EvaluationService } from "../src/modules/evaluation/evaluation.service.js";
import { ImpactDataStore } from "../src/modules/evaluation/evaluation.store.js";
import type { FeatureIndex } from "../src/modules/similarity/feature-index.js";
import { SimilarityIndex } from "../src/modules/similarity/similarity-index.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import { seededRandom } from "../src/modules/similarity/stats.js";
import { MAX_RESULTS } from "../src/modules/similarity/validation.js";
import { createApp, type App } from "../src/server.js";
import { median, ms, percentile, ratio, sample, table } from "./support.js";
import { numberOptions } from "./options.js";

const BASES: ComparisonBasis[] = ["CONTEXT_NEIGHBOURS", "FAMILY"];
const LOCAL_AUTHORITIES = [
  { code: 888, name: "Lancashire" },
  { code: 886, name: "Kent" },
  { code: 878, name: "Devon" },
];
const TARGET_SIZES = [3, 8];
/** Members whose neighbours both searches must agree on. */
const AGREEMENT_SAMPLE = 2_000;

async function time<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** p50 and p95 of `count` sequential calls. */
async function latencies(count: number, work: () => Promise<unknown>): Promise<[number, number]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push((await time(work)).ms);
  const sorted = Float64Array.from(times).sort();
  return [percentile(sorted, 0.5), percentile(sorted, 0.95)];
}

/** Every partnership type's current members and the schools ever in it, as the service groups them. */
function typeGroups(snapshot: ImpactSnapshot): { members: number[]; excluded: Set<number> }[] {
  const typeOf = new Map(snapshot.partnerships.map((p) => [p.id, p.type]));
  const groups = new Map<string, { members: Set<number>; excluded: Set<number> }>();
  for (const membership of snapshot.memberships) {
    const type = typeOf.get(membership.partnershipId);
    if (!type) continue;
    const group = groups.get(type) ?? { members: new Set(), excluded: new Set() };
    groups.set(type, group);
    group.excluded.add(membership.urn);
    if (!membership.ended) group.members.add(membership.urn);
  }
  return [...groups.values()].map((g) => ({ members: [...g.members], excluded: g.excluded }));
}

/** The k nearest outside the group by asking `similar` for more until k are left, or its limit. */
function neighboursBySimilar(
  index: FeatureIndex,
  urn: number,
  excluded: ReadonlySet<number>,
  k: number,
): number[] {
  for (let first = 2 * k; ; first = Math.min(MAX_RESULTS, 2 * first)) {
    const kept = index
      .similar(urn, { first, weights: CONTEXT_NEIGHBOUR_WEIGHTS })
      .map((school) => school.urn)
      .filter((other) => !excluded.has(other));
    if (kept.length >= k || first === MAX_RESULTS) return kept.slice(0, k);
  }
}

/** Step 3's rule done directly: every (point, centre) pair by distance, to the first with room. */
function fillBySortingEveryPair(points: readonly ClusterPoint[], centres: readonly Centre[]) {
  const pairs: Pair[] = [];
  points.forEach((point, p) =>
    centres.forEach((centre, c) =>
      pairs.push({ d: distanceKm(point, centre), point: p, cluster: c }),
    ),
  );
  pairs.sort((a, b) => a.d - b.d || a.point - b.point || a.cluster - b.cluster);
  const base = Math.floor(points.length / centres.length);
  let largerLeft = points.length % centres.length;
  const sizes = new Array<number>(centres.length).fill(0);
  const result = new Array<number>(points.length).fill(-1);
  for (const { point, cluster } of pairs) {
    const size = sizes[cluster]!;
    if (result[point] !== -1 || size > base || (size === base && largerLeft === 0)) continue;
    if (size === base) largerLeft -= 1;
    sizes[cluster] = size + 1;
    result[point] = cluster;
  }
  return result;
}

function pointsOf(candidates: ClusterCandidates): ClusterPoint[] {
  return candidates.schools
    .flatMap(({ school, needBand }) =>
      school.location === null
        ? []
        : [{ id: school.urn, ...school.location, strength: strengthOf(needBand) }],
    )
    .sort((a, b) => a.id - b.id);
}

async function query(app: App, text: string): Promise<void> {
  const response = await app.apollo.executeOperation(
    { query: text },
    { contextValue: app.createContext() },
  );
  if (response.body.kind !== "single" || response.body.singleResult.errors) {
    throw new Error(`${text} failed: ${JSON.stringify(response.body)}`);
  }
}

async function evaluation(
  db: Database,
  similarity: SimilarityIndex,
  app: App,
  runs: number,
  requests: number,
): Promise<void> {
  const built = await time(() => similarity.current());
  const { index } = built.value;
  const repository = new EvaluationRepository(db);
  const read = await time(() => repository.loadSnapshot());
  const groups = typeGroups(read.value);
  const members = groups.reduce((sum, group) => sum + group.members.length, 0);

  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    ours.push(
      (
        await time(() => {
          for (const { members, excluded } of groups) {
            const finder = new ContextNeighbourFinder(index, excluded);
            for (const urn of members) finder.neighbours(urn);
          }
        })
      ).ms,
    );
    baseline.push(
      (
        await time(() => {
          for (const { members, excluded } of groups) {
            for (const urn of members)
              neighboursBySimilar(index, urn, excluded, CONTEXT_NEIGHBOURS);
          }
        })
      ).ms,
    );
  }

  let same = 0;
  let shortPrefix = 0;
  let differ = 0;
  const asked = groups.flatMap((group) => group.members.map((urn) => ({ urn, group })));
  for (const { urn, group } of sample(asked, AGREEMENT_SAMPLE, seededRandom(7))) {
    const a = new ContextNeighbourFinder(index, group.excluded).neighbours(urn);
    const b = neighboursBySimilar(index, urn, group.excluded, CONTEXT_NEIGHBOURS);
    const prefix = b.every((other, i) => a[i] === other);
    if (prefix && a.length === b.length) same += 1;
    else if (prefix && b.length < CONTEXT_NEIGHBOURS) shortPrefix += 1;
    else differ += 1;
  }

  console.log(
    `\n1. impactByPartnershipType, all of England: ${groups.length} partnership types, ` +
      `${members} members, ${CONTEXT_NEIGHBOURS} context neighbours each; median of ${runs} runs\n`,
  );
  console.log(
    table(
      ["neighbour search, every member of every type", "median", "vs baseline"],
      [
        [
          "ours: exact search skipping the group",
          ms(median(ours)),
          ratio(median(baseline), median(ours)),
        ],
        [`baseline: similar(first ≤ ${MAX_RESULTS}), group dropped`, ms(median(baseline)), "1.0x"],
      ],
    ),
  );
  console.log(
    `Agreement on ${Math.min(AGREEMENT_SAMPLE, asked.length)} sampled members: ${same} identical, ` +
      `${shortPrefix} where the baseline ran out of room (its list is the start of ours), ` +
      `${differ} different.`,
  );

  const neighbourIndex = { current: () => similarity.current() };
  const noLookup = { partnershipById: { load: () => Promise.resolve(null) } };
  const rows: string[][] = [
    ["similarity index build (once per process)", ms(built.ms), "", ""],
    ["evaluation snapshot read (once per data change)", ms(read.ms), "", ""],
  ];
  for (const basis of BASES) {
    // A fresh service and store each time: nothing read or computed is kept between runs.
    const [coldP50, coldP95] = await latencies(runs, () =>
      new EvaluationService(
        new ImpactDataStore(repository, { get: () => readDataVersion(db) }),
        noLookup,
        neighbourIndex,
      ).impactByPartnershipType(null, basis),
    );
    const text = `{ impactByPartnershipType(comparison: ${basis}) {
      type members membersWithComparisonSchools
      measures { measure verdict years { year mean } beforeAfter { verdict mean } } } }`;
    await query(app, text);
    const [warmP50, warmP95] = await latencies(requests, () => query(app, text));
    rows.push(
      [`${basis}: cold (version, read, compute)`, ms(coldP50), ms(coldP95), ""],
      [
        `${basis}: warm, cached, through the app`,
        ms(warmP50),
        ms(warmP95),
        ratio(coldP95, warmP95),
      ],
    );
  }
  console.log(
    `\nWhole question; cold: ${runs} runs, warm: ${requests} sequential requests in process\n`,
  );
  console.log(table(["step", "p50", "p95", "cold p95 / warm"], rows));
}

async function clusters(db: Database, app: App, runs: number, requests: number): Promise<void> {
  const repository = new ClusterRepository(db);
  const rows: string[][] = [];
  let identical = 0;
  let compared = 0;
  for (const la of LOCAL_AUTHORITIES) {
    const candidates = await repository.candidates(la.code);
    if (candidates === null) throw new Error(`No local authority ${la.code}.`);
    const points = pointsOf(candidates);
    for (const targetSize of TARGET_SIZES) {
      const proposals: number[] = [];
      for (let run = 0; run < runs; run++) {
        proposals.push(
          (await time(() => buildProposals(candidates, { targetSize, mixPhases: true }))).ms,
        );
      }
      // The centres the assignment ends with: the last of the assignment steps it repeats.
      const centres = clusterPoints(points, targetSize).map((cluster) => cluster.centre);
      const ours: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run++) {
        const a = await time(() => greedyAssign(rankCentres(points, centres), centres.length));
        const b = await time(() => fillBySortingEveryPair(points, centres));
        ours.push(a.ms);
        baseline.push(b.ms);
        compared += 1;
        if (a.value.every((cluster, i) => cluster === b.value[i])) identical += 1;
      }
      const text = `{ proposeClusters(localAuthorityCode: ${la.code}, targetSize: ${targetSize}) {
        id size spreadKm mixed schools { urn } } }`;
      await query(app, text);
      const [p50, p95] = await latencies(requests, () => query(app, text));
      rows.push([
        `${la.name} ${la.code}, target ${targetSize}`,
        `${points.length} / ${centres.length}`,
        ms(median(ours)),
        ms(median(baseline)),
        ratio(median(baseline), median(ours)),
        ms(median(proposals)),
        ms(p50),
        ms(p95),
      ]);
    }
  }
  console.log(
    `\n2. proposeClusters (phases mixed); pure steps: median of ${runs} runs; ` +
      `through the app: ${requests} sequential requests\n`,
  );
  console.log(
    table(
      [
        "local authority",
        "schools / clusters",
        "assign: ours (heap)",
        "sort every pair",
        "vs baseline",
        "proposals, pure",
        "app p50",
        "app p95",
      ],
      rows,
    ),
  );
  console.log(`Identical assignments to the baseline: ${identical} of ${compared}.`);
}

async function main(): Promise<void> {
  const { runs, requests } = numberOptions({
    runs: { default: 5, min: 1 },
    requests: { default: 50, min: 5 },
  });
  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  try {
    const similarity = new SimilarityIndex(new SimilarityRepository(db));
    const app = await createApp(db, {
      logger: createLogger({ level: "silent" }),
      similarityIndex: similarity,
    });
    try {
      await evaluation(db, similarity, app, runs, requests);
      // An end-to-end proposal takes about half a second: fewer requests keep the run short.
      await clusters(db, app, runs, Math.max(5, Math.ceil(requests / 5)));
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

await main();
