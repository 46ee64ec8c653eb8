/**
 * npm run bench:families [-- --runs N] [-- --write]
 *
 * Recomputes the families of every school in England (profiles read once from the configured
 * Neo4j) and times it against a simple baseline in the same run: plain ml-kmeans per phase, with
 * its own k-means++ initialisation, on the same points, k and iteration cap, without the quality
 * measures. Both are seeded; times are medians over the runs. The quality of each clustering is
 * shown beside its time (the mean distance to the family centre, lower is tighter; the silhouette
 * on the same sample, higher is better), so speed is not bought with worse families. With
 * --write, one full `npm run families` (read, compute, write, make current) is timed as well, and
 * the run it adds is deleted again. Prints tables; asserts nothing. The target is ≤ 3 s.
 */
import { parseArgs } from "node:util";
import { kmeans } from "ml-kmeans";
import { commandLineArguments, config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { FeatureIndex } from "../src/modules/similarity/feature-index.js";
import { runFamilies } from "../src/modules/similarity/family-run.js";
import {
  distancesToCentroids,
  silhouette,
  type Clustering,
} from "../src/modules/similarity/kmeans.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import {
  computeFamilies,
  DEFAULT_FAMILY_SEED,
  DEFAULT_FAMILY_SIZE,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_SILHOUETTE_SAMPLE,
  familyCount,
  familyPoints,
  type Families,
} from "../src/modules/similarity/similarity.service.js";
import { sampleIndices, seededRandom } from "../src/modules/similarity/stats.js";
import { median, ms, ratio, table } from "./support.js";

interface PhaseResult {
  phase: string;
  schools: number;
  k: number;
  ms: number;
  meanDistance: number;
  silhouette: number | null;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Plain ml-kmeans per phase: its own k-means++ seeding and Lloyd iterations, nothing else. */
function baseline(index: FeatureIndex): PhaseResult[] {
  return index.phaseTables().map((table) => {
    const started = performance.now();
    const { points } = familyPoints(table);
    const rows: number[][] = [];
    for (let i = 0; i < points.count; i++) {
      rows.push(Array.from(points.data.subarray(i * points.dims, (i + 1) * points.dims)));
    }
    const k = familyCount(table.size, DEFAULT_FAMILY_SIZE);
    const result = kmeans(rows, k, {
      initialization: "kmeans++",
      seed: DEFAULT_FAMILY_SEED,
      maxIterations: DEFAULT_MAX_ITERATIONS,
    });
    const ms = performance.now() - started;
    return { phase: table.phase, schools: table.size, k, ms, ...quality(points, result) };
  });
}

/** The measures computeFamilies reports, for a baseline clustering (outside its timing). */
function quality(
  points: ReturnType<typeof familyPoints>["points"],
  result: { clusters: number[]; centroids: number[][] },
): { meanDistance: number; silhouette: number | null } {
  const k = result.centroids.length;
  const sizes = new Int32Array(k);
  for (const id of result.clusters) sizes[id] = (sizes[id] as number) + 1;
  // Empty clusters are renumbered away, as cluster() does, so silhouette sees k non-empty ones.
  const renumber = new Int32Array(k).fill(-1);
  let kept = 0;
  sizes.forEach((size, id) => {
    if (size > 0) renumber[id] = kept++;
  });
  const centroids = new Float64Array(kept * points.dims);
  result.centroids.forEach((centroid, id) => {
    if ((renumber[id] as number) >= 0)
      centroids.set(centroid, (renumber[id] as number) * points.dims);
  });
  const clustering: Clustering = {
    k: kept,
    assignments: Int32Array.from(result.clusters, (id) => renumber[id] as number),
    centroids,
    sizes: Int32Array.from(
      [...sizes].filter((size) => size > 0),
      (size) => size,
    ),
    iterations: 0,
    converged: true,
  };
  const distances = distancesToCentroids(points, clustering);
  const sample = sampleIndices(
    points.count,
    DEFAULT_SILHOUETTE_SAMPLE,
    seededRandom(DEFAULT_FAMILY_SEED ^ 0x5eed),
  );
  return {
    meanDistance: distances.reduce((sum, d) => sum + d, 0) / Math.max(1, points.count),
    silhouette: silhouette(points, clustering, sample),
  };
}

function ours(families: Families, phaseMs: Map<string, number>): PhaseResult[] {
  return families.phases.map((phase) => ({
    phase: phase.phase,
    schools: phase.families.reduce((sum, family) => sum + family.size, 0),
    k: phase.k,
    ms: phaseMs.get(phase.phase) ?? Number.NaN,
    meanDistance: phase.quality.meanDistanceToCentroid,
    silhouette: phase.quality.silhouette,
  }));
}

function weighted(results: PhaseResult[], pick: (r: PhaseResult) => number | null): number {
  let total = 0;
  let weight = 0;
  for (const result of results) {
    const value = pick(result);
    if (value === null) continue;
    total += value * result.schools;
    weight += result.schools;
  }
  return weight > 0 ? total / weight : Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: commandLineArguments(),
    options: { runs: { type: "string", default: "3" }, write: { type: "boolean" } },
  });
  const runs = Math.max(1, Number(values.runs));
  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  const repository = new SimilarityRepository(db);
  try {
    const readStarted = performance.now();
    const profiles = await repository.findProfiles();
    const readMs = performance.now() - readStarted;

    const oursTotals: number[] = [];
    const baselineTotals: number[] = [];
    let oursPhases: PhaseResult[] = [];
    let baselinePhases: PhaseResult[] = [];
    for (let run = 1; run <= runs; run++) {
      // Ours: index (scaling, imputation) and families with their quality measures.
      const started = performance.now();
      const index = new FeatureIndex(profiles);
      const phaseMs = new Map<string, number>();
      let phaseStarted = performance.now();
      const families = computeFamilies(index, {
        onPhase: (phase) => {
          phaseMs.set(phase.phase, performance.now() - phaseStarted);
          phaseStarted = performance.now();
        },
      });
      oursTotals.push(performance.now() - started);
      oursPhases = ours(families, phaseMs);

      // Baseline: the same index (built outside its time), plain ml-kmeans per phase.
      const baselineIndex = new FeatureIndex(profiles);
      baselinePhases = baseline(baselineIndex);
      baselineTotals.push(baselinePhases.reduce((sum, phase) => sum + phase.ms, 0));
      console.log(
        `run ${run}/${runs}: ours ${seconds(oursTotals.at(-1)!)}, baseline ${seconds(baselineTotals.at(-1)!)}`,
      );
    }

    const schools = oursPhases.reduce((sum, phase) => sum + phase.schools, 0);
    console.log(
      `\n${schools.toLocaleString("en-GB")} schools, target family size ${DEFAULT_FAMILY_SIZE}, ` +
        `at most ${DEFAULT_MAX_ITERATIONS} iterations, seed ${DEFAULT_FAMILY_SEED}; ` +
        `profiles read once in ${seconds(readMs)} (not in the times below).\n`,
    );
    const format = (value: number | null) => (value === null ? "-" : value.toFixed(3));
    console.log(
      table(
        [
          "phase",
          "schools",
          "k",
          "ours",
          "baseline",
          "ratio",
          "spread ours/base",
          "silhouette ours/base",
        ],
        oursPhases.map((phase, i) => {
          const base = baselinePhases[i]!;
          return [
            phase.phase,
            String(phase.schools),
            String(phase.k),
            ms(phase.ms),
            ms(base.ms),
            ratio(base.ms, phase.ms),
            `${format(phase.meanDistance)} / ${format(base.meanDistance)}`,
            `${format(phase.silhouette)} / ${format(base.silhouette)}`,
          ];
        }),
      ),
    );
    const oursMedian = median(oursTotals);
    const baselineMedian = median(baselineTotals);
    console.log(
      "\n" +
        table(
          ["all of England", "median time", "spread", "silhouette"],
          [
            [
              "ours (index + families + quality)",
              seconds(oursMedian),
              format(weighted(oursPhases, (p) => p.meanDistance)),
              format(weighted(oursPhases, (p) => p.silhouette)),
            ],
            [
              "baseline (plain ml-kmeans, kmeans++)",
              seconds(baselineMedian),
              format(weighted(baselinePhases, (p) => p.meanDistance)),
              format(weighted(baselinePhases, (p) => p.silhouette)),
            ],
            ["baseline / ours", ratio(baselineMedian, oursMedian), "", ""],
            ["target ≤ 3 s", oursMedian <= 3000 ? "met" : "missed", "", ""],
          ],
        ),
    );

    if (values.write) {
      const previous = await repository.findCurrentRun();
      const outcome = await runFamilies(repository, {});
      if (outcome.status === "written") {
        console.log(
          "\n" +
            table(
              ["npm run families, end to end", "time"],
              [
                ["read profiles", seconds(outcome.readMs)],
                ["compute", seconds(outcome.computeMs)],
                ["write (one transaction) + make current", seconds(outcome.writeMs)],
                ["total", seconds(outcome.totalMs)],
              ],
            ),
        );
        if (previous) await repository.markCurrent(previous.version);
        await repository.deleteRun(outcome.version);
      }
    }
  } finally {
    await db.close();
  }
}

await main();
