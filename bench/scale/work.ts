/**
 * npx tsx bench/scale/work.ts [--scales 1,2,5,10] [--keys 200] [--out FILE]
 *
 * The in-memory work of a request at each scale, without HTTP, GraphQL or other requests around
 * it: every school's profile is read once from the scale instance (at the largest scale it
 * holds), and for each k the FeatureIndex of the real schools plus synthetic copies 1..k-1 (a
 * synthetic URN names its copy) is built, and `similar` (similarSchools) and `partnerPool` +
 * `rankPartners` (partnerSuggestions' search, without the eligibility rule and offers, on the
 * Ofsted grade, a focus every phase measures) are timed for the same kind of keys as the
 * benchmark's. This is the part of a request that grows with the number of schools; the docs
 * derive each query's expected growth from it. One thread, nothing else running in this process.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { connectConfigured } from "../../src/db/connect.js";
import { FeatureIndex } from "../../src/modules/similarity/feature-index.js";
import { SimilarityRepository } from "../../src/modules/similarity/similarity.repository.js";
import type { SchoolProfile } from "../../src/modules/similarity/similarity.model.js";
import {
  partnerPool,
  rankPartners,
  NO_TOPICS,
} from "../../src/modules/matching/matching.service.js";
import { SYNTHETIC_URN_BASE, URNS_PER_COPY } from "../../seed/synthetic/generator.js";
import { ms, percentile, table } from "../support.js";
import { scaleConfig } from "./instance.js";

export interface WorkFigures {
  scale: number;
  schools: number;
  indexBuildMs: number;
  indexHeapMiB: number;
  similarMeanMs: number;
  similarP95Ms: number;
  partnersMeanMs: number;
  partnersP95Ms: number;
  /** Candidates within reach and better on the focus, per asker: what the ranking scores. */
  partnerPoolMean: number;
}

const copyOf = (urn: number) =>
  urn < SYNTHETIC_URN_BASE ? 0 : Math.floor((urn - SYNTHETIC_URN_BASE) / URNS_PER_COPY);

function summary(times: number[]) {
  const sorted = Float64Array.from(times).sort();
  return {
    mean: times.reduce((sum, t) => sum + t, 0) / times.length,
    p95: percentile(sorted, 0.95),
  };
}

export function measureWork(
  profiles: readonly SchoolProfile[],
  scales: readonly number[],
  keys: number,
): WorkFigures[] {
  return scales.map((scale) => {
    const subset = profiles.filter((profile) => copyOf(profile.urn) < scale);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const index = new FeatureIndex(subset);
    const indexBuildMs = performance.now() - started;
    const urns = subset
      .filter((profile) => profile.location)
      .map((profile) => profile.urn)
      .sort((a, b) => ((a * 2654435761) % 4294967296) - ((b * 2654435761) % 4294967296))
      .slice(0, keys);
    // Column orders are built on a table's first search; one unmeasured pass builds them.
    for (const urn of urns.slice(0, 20)) index.similar(urn, { first: 10 });
    const similar: number[] = [];
    const partners: number[] = [];
    let pooled = 0;
    for (const urn of urns) {
      const t0 = performance.now();
      index.similar(urn, { first: 10 });
      const t1 = performance.now();
      const pool = partnerPool(index, urn, { focus: "ofstedGrade", first: 10 });
      rankPartners(pool, NO_TOPICS);
      const t2 = performance.now();
      similar.push(t1 - t0);
      partners.push(t2 - t1);
      pooled += pool.entries.length;
    }
    const indexHeapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const s = summary(similar);
    const p = summary(partners);
    return {
      scale,
      schools: index.size,
      indexBuildMs,
      indexHeapMiB,
      similarMeanMs: s.mean,
      similarP95Ms: s.p95,
      partnersMeanMs: p.mean,
      partnersP95Ms: p.p95,
      partnerPoolMean: pooled / urns.length,
    };
  });
}

export function formatWork(figures: readonly WorkFigures[]): string {
  return table(
    [
      "scale",
      "schools",
      "index build",
      "index heap",
      "similar mean/p95",
      "partners mean/p95",
      "partner pool",
    ],
    figures.map((f) => [
      `${f.scale}×`,
      f.schools.toLocaleString("en-GB"),
      ms(f.indexBuildMs),
      `${f.indexHeapMiB.toFixed(0)} MiB`,
      `${ms(f.similarMeanMs)} / ${ms(f.similarP95Ms)}`,
      `${ms(f.partnersMeanMs)} / ${ms(f.partnersP95Ms)}`,
      f.partnerPoolMean.toFixed(0),
    ]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: "string", default: "1,2,5,10" },
      keys: { type: "string", default: "200" },
      out: { type: "string" },
    },
  });
  const scales = values.scales.split(",").map(Number);
  const db = connectConfigured(scaleConfig(), { queryTimeoutMs: 900_000 });
  let profiles: SchoolProfile[];
  try {
    profiles = await new SimilarityRepository(db).findProfiles();
  } finally {
    await db.close();
  }
  const held = profiles.reduce((most, profile) => Math.max(most, copyOf(profile.urn)), 0) + 1;
  const figures = measureWork(
    profiles,
    scales.filter((scale) => scale <= held),
    Number(values.keys),
  );
  console.log(`\nIn-process work per request (the instance holds ${held}× England)\n`);
  console.log(formatWork(figures));
  if (values.out) writeFileSync(values.out, `${JSON.stringify(figures, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
