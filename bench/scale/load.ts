/**
 * npx tsx bench/scale/load.ts --scale K [--seed N] [--final-stages]
 *
 * Brings the scale instance (bench/scale/instance.ts, which must be running) to K× England: the
 * real bundle through the importer when the graph is empty, then copies 1..K-1 of England from
 * seed/synthetic/generator.ts written by the importer's own statements (schools, their facts,
 * their trusts); copies of K and above are removed. Then the importer's last stages run over the
 * whole graph again: synthetic system leaders (DfE's criteria, so synthetic schools can be
 * designated too) and the search fields (with --final-stages, even when no copy changed). Progress goes to stderr; the last line of stdout is the
 * stages' times as JSON. It only ever talks to the scale instance.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { connectConfigured } from "../../src/db/connect.js";
import type { Database } from "../../src/db/driver.js";
import { readBundle, BUNDLE_STEPS } from "../../seed/bundle.js";
import { countSchools, LINK_BATCH_SIZE, writeInBatches, writeSchools } from "../../seed/load.js";
import { defaultProgress } from "../../seed/progress.js";
import { runSeed } from "../../seed/run.js";
import { writeSearchFields } from "../../seed/search.js";
import { generateSystemLeaders } from "../../seed/system-leaders/stages.js";
import {
  DEFAULT_SYNTHETIC_SEED,
  generateCopy,
  SYNTHETIC_URN_BASE,
} from "../../seed/synthetic/generator.js";
import { SCALE_HOME, scaleConfig } from "./instance.js";

export interface LoadTimes {
  scale: number;
  seed: number;
  schools: number;
  /** The real bundle through the importer; null when the graph already held it. */
  realSeedMs: number | null;
  /** Reading and joining the bundle again, to draw the copies from. */
  readMs: number;
  /** Copies added by this run, and the time their schools and trusts took to write. */
  copiesAdded: number[];
  /** Each added copy's schools and trusts: generating and writing them. */
  copyMs: Record<number, number>;
  copiesRemoved: number[];
  systemLeadersMs: number;
  searchFieldsMs: number;
}

async function rows(db: Database, cypher: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(cypher, params);
  return result.records.map((record) => record.toObject());
}

export async function loadScale(
  scale: number,
  seed: number,
  finalStages = false,
): Promise<LoadTimes> {
  const db = connectConfigured(scaleConfig(), { queryTimeoutMs: 600_000 });
  const progress = defaultProgress();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    let realSeedMs: number | null = null;
    if ((await countSchools(db)) === 0) {
      const started = performance.now();
      await runSeed({
        db,
        progress,
        log,
        rejectionLog: path.join(SCALE_HOME, "seed-rejections.log"),
      });
      realSeedMs = performance.now() - started;
    }

    const held = (
      await rows(
        db,
        "MATCH (s:School) WHERE s.synthetic = true RETURN DISTINCT s.syntheticCopy AS copy, s.syntheticSeed AS seed",
      )
    ).map((row) => ({ copy: Number(row["copy"]), seed: Number(row["seed"]) }));
    const otherSeed = held.find((entry) => entry.seed !== seed);
    if (otherSeed) {
      throw new Error(
        `The scale instance holds copies drawn with seed ${otherSeed.seed}; remove ${SCALE_HOME} to start afresh with seed ${seed}.`,
      );
    }
    const heldCopies = new Set(held.map((entry) => entry.copy));
    const wanted = Array.from({ length: scale - 1 }, (_, i) => i + 1);
    const toAdd = wanted.filter((copy) => !heldCopies.has(copy));
    const toRemove = [...heldCopies].filter((copy) => copy >= scale).sort((a, b) => a - b);

    for (const copy of toRemove) {
      log(`removing synthetic copy ${copy}`);
      for (;;) {
        const [row] = await rows(
          db,
          `MATCH (s:Establishment) WHERE s.urn >= $base AND s.syntheticCopy = $copy
           WITH s LIMIT 5000 DETACH DELETE s RETURN count(*) AS removed`,
          { base: neo4j.int(SYNTHETIC_URN_BASE), copy: neo4j.int(copy) },
        );
        if (Number(row?.["removed"] ?? 0) === 0) break;
      }
    }

    let readMs = 0;
    const copyMs: Record<number, number> = {};
    if (toAdd.length > 0) {
      const readStarted = performance.now();
      const files = progress.stage("read and join", BUNDLE_STEPS, "files");
      const bundle = readBundle(() => files.increment());
      files.stop();
      readMs = performance.now() - readStarted;
      for (const copy of toAdd) {
        const writeStarted = performance.now();
        const { schools, memberships } = generateCopy(bundle.schools, bundle.memberships, copy, {
          seed,
        });
        await writeSchools(db, schools, progress);
        await writeInBatches(
          memberships,
          LINK_BATCH_SIZE,
          `copy ${copy} trusts`,
          progress,
          (batch) =>
            db.write("seed/mergeMemberships", {
              rows: batch.map((m) => ({ ...m, urn: neo4j.int(m.urn) })),
            }),
        );
        copyMs[copy] = performance.now() - writeStarted;
      }
    }

    const changed = toAdd.length > 0 || toRemove.length > 0 || (finalStages && realSeedMs === null);
    let systemLeadersMs = 0;
    let searchFieldsMs = 0;
    if (changed) {
      const leadersStarted = performance.now();
      const leaders = await generateSystemLeaders(db, progress);
      leaders.notes.forEach(log);
      systemLeadersMs = performance.now() - leadersStarted;
      const searchStarted = performance.now();
      await writeSearchFields(db, progress);
      searchFieldsMs = performance.now() - searchStarted;
    }
    return {
      scale,
      seed,
      schools: await countSchools(db),
      realSeedMs,
      readMs,
      copiesAdded: toAdd,
      copyMs,
      copiesRemoved: toRemove,
      systemLeadersMs,
      searchFieldsMs,
    };
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      seed: { type: "string" },
      "final-stages": { type: "boolean" },
    },
  });
  const scale = Number(values.scale);
  const seed = values.seed === undefined ? DEFAULT_SYNTHETIC_SEED : Number(values.seed);
  if (!Number.isInteger(scale) || scale < 1 || scale > 50 || !Number.isInteger(seed)) {
    console.error("usage: tsx bench/scale/load.ts --scale K (1..50) [--seed N]");
    process.exitCode = 2;
    return;
  }
  console.log(JSON.stringify(await loadScale(scale, seed, values["final-stages"] ?? false)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
