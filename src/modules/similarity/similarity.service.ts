/**
 * Families of similar schools: k-means within each phase on the FAMILIES-weighted features, and
 * "similar schools that do better" within a family. Nearest-neighbour queries are on FeatureIndex.
 */
import type { Phase } from "../schools/school.model.js";
import { DomainValidationError } from "./errors.js";
import type { FeatureIndex, PhaseTable } from "./feature-index.js";
import {
  activeColumns,
  betterDirection,
  FEATURE_COLUMN,
  FEATURE_COUNT,
  checkOutcomeFeature,
  isOutcomeFeature,
  PRESETS,
  type FeatureName,
} from "./features.js";
import { cluster, distancesToCentroids, silhouette, type Points } from "./kmeans.js";
import { median, sampleIndices, seededRandom } from "./stats.js";
import { checkIntegerInRange } from "./validation.js";

export const DEFAULT_FAMILY_SIZE = 50;
export const DEFAULT_FAMILY_SEED = 1;
/** Seeds are 32-bit: the generator's whole state. */
export const MAX_SEED = 0xffff_ffff;
/** See FamilyOptions.maxIterations. */
export const DEFAULT_MAX_ITERATIONS = 15;
/** Squared movement, in scaled units, below which a centroid counts as settled (0.01 units). */
export const CENTROID_TOLERANCE = 1e-4;
export const DEFAULT_SILHOUETTE_SAMPLE = 2000;
// Draws the silhouette sample from a different stream than the k-means++ seeds.
const SAMPLE_SEED_SALT = 0x5eed;

export interface FamilyOptions {
  /** Schools per family wanted on average, ≥ 1; k = max(1, round(n / targetSize)) per phase. */
  targetSize?: number;
  /** 0..2³²−1; same seed and same schools (in any order), same families. */
  seed?: number;
  /**
   * Lloyd iterations at most, 1..1000; 15 by default. From k-means++ seeds the mean squared
   * distance to the centre is then within 1 % of its converged value (0.4 % at 20, on 16,800
   * synthetic primaries with k = 336), and each iteration over all primaries costs about 80 ms,
   * which the 3 s budget for all of England cannot spend forty times over.
   */
  maxIterations?: number;
  /** Points the silhouette is averaged over, 0..100000 (0 skips it). */
  silhouetteSampleSize?: number;
}

/** A figure in a feature's own units. */
export interface FeatureFigure {
  feature: FeatureName;
  value: number | null;
}

export interface Family {
  /** `<PHASE>-<n>`, n from 1; stable for the same seed and schools. */
  id: string;
  phase: Phase;
  size: number;
  /** URNs, ascending. */
  members: number[];
  /** The k-means centre, turned back into raw units, for the features clustered on. */
  centroid: FeatureFigure[];
  /** Medians of the members' observed figures (imputed ones left out), every phase feature. */
  medians: FeatureFigure[];
  /** Mean weighted distance of the members to the centre, in scaled units. */
  meanDistanceToCentroid: number;
}

export interface PhaseFamilies {
  phase: Phase;
  /** Features clustered on, with their FAMILIES weights. */
  features: { feature: FeatureName; weight: number }[];
  k: number;
  iterations: number;
  converged: boolean;
  families: Family[];
  quality: {
    meanDistanceToCentroid: number;
    /** Mean silhouette over a seeded sample; null with a single family. */
    silhouette: number | null;
    silhouetteSampleSize: number;
  };
}

export interface Families {
  seed: number;
  targetSize: number;
  phases: PhaseFamilies[];
  /** URN → family id. */
  assignments: Map<number, string>;
  byId: Map<string, Family>;
}

/** The k for n schools and a target family size: max(1, round(n / targetSize)), at most n. */
export function familyCount(schools: number, targetSize: number): number {
  return Math.min(schools, Math.max(1, Math.round(schools / targetSize)));
}

/**
 * The FAMILIES-weighted points of a phase: each scaled feature times √weight, so that plain
 * squared Euclidean distance between rows equals the weighted distance of features.ts.
 */
export function familyPoints(table: PhaseTable): {
  points: Points;
  features: FeatureName[];
  weights: Float64Array;
} {
  const { features, columns, weights } = activeColumns(table.phase, PRESETS.FAMILIES);
  const dims = features.length;
  const data = new Float64Array(table.size * dims);
  const roots = weights.map(Math.sqrt);
  for (let row = 0; row < table.size; row++) {
    for (let d = 0; d < dims; d++) {
      data[row * dims + d] =
        (table.scaled[row * FEATURE_COUNT + (columns[d] as number)] as number) *
        (roots[d] as number);
    }
  }
  return { points: { data, count: table.size, dims }, features, weights };
}

/**
 * Families of similar schools for every phase in the index.
 *
 * Rules: each phase is clustered on its own, on the FAMILIES preset (intake: FSM, EAL, SEN;
 * outcomes: attainment and progress for the phase's key stage) scaled and imputed as in
 * features.ts; k = max(1, round(n / targetSize)); k-means++ seeds and the silhouette sample come
 * from `seed`, so the same seed and schools give the same families. Quality is reported as the
 * mean distance to the family centre (overall and per family) and the mean silhouette.
 */
export function computeFamilies(index: FeatureIndex, options: FamilyOptions = {}): Families {
  const targetSize = checkIntegerInRange(
    options.targetSize ?? DEFAULT_FAMILY_SIZE,
    1,
    Number.MAX_SAFE_INTEGER,
    "targetSize",
  );
  const seed = checkIntegerInRange(options.seed ?? DEFAULT_FAMILY_SEED, 0, MAX_SEED, "seed");
  const maxIterations = checkIntegerInRange(
    options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    1,
    1000,
    "maxIterations",
  );
  const sampleSize = checkIntegerInRange(
    options.silhouetteSampleSize ?? DEFAULT_SILHOUETTE_SAMPLE,
    0,
    100_000,
    "silhouetteSampleSize",
  );

  const phases = index
    .phaseTables()
    .filter((table) => table.size > 0)
    .map((table) => phaseFamilies(table, { targetSize, seed, maxIterations, sampleSize }));
  const assignments = new Map<number, string>();
  const byId = new Map<string, Family>();
  for (const family of phases.flatMap((phase) => phase.families)) {
    byId.set(family.id, family);
    for (const urn of family.members) assignments.set(urn, family.id);
  }
  return { seed, targetSize, phases, assignments, byId };
}

function phaseFamilies(
  table: PhaseTable,
  settings: { targetSize: number; seed: number; maxIterations: number; sampleSize: number },
): PhaseFamilies {
  const { points, features, weights } = familyPoints(table);
  const clustering = cluster(points, familyCount(table.size, settings.targetSize), {
    seed: settings.seed,
    maxIterations: settings.maxIterations,
    tolerance: CENTROID_TOLERANCE,
  });
  const distances = distancesToCentroids(points, clustering);
  const sample = sampleIndices(
    table.size,
    settings.sampleSize,
    seededRandom(settings.seed ^ SAMPLE_SEED_SALT),
  );

  const membersOf: number[][] = Array.from({ length: clustering.k }, () => []);
  clustering.assignments.forEach((id, row) => membersOf[id]?.push(row));
  let totalDistance = 0;
  for (const distance of distances) totalDistance += distance;

  const families = membersOf.map((rows, id): Family => {
    let spread = 0;
    for (const row of rows) spread += distances[row] as number;
    return {
      id: `${table.phase}-${id + 1}`,
      phase: table.phase,
      size: rows.length,
      members: rows.map((row) => table.urns[row] as number).sort((a, b) => a - b),
      centroid: features.map((feature, d) => {
        const { median: centre, scale } = table.scales[FEATURE_COLUMN[feature]] ?? {
          median: null,
          scale: 1,
        };
        const weighted = clustering.centroids[id * points.dims + d] as number;
        return {
          feature,
          value:
            centre === null ? null : centre + (scale * weighted) / Math.sqrt(weights[d] as number),
        };
      }),
      medians: table.features.map((feature) => ({
        feature,
        value: observedMedian(table, rows, feature),
      })),
      meanDistanceToCentroid: rows.length > 0 ? spread / rows.length : 0,
    };
  });

  return {
    phase: table.phase,
    features: features.map((feature, d) => ({ feature, weight: weights[d] as number })),
    k: clustering.k,
    iterations: clustering.iterations,
    converged: clustering.converged,
    families,
    quality: {
      meanDistanceToCentroid: table.size > 0 ? totalDistance / table.size : 0,
      silhouette: silhouette(points, clustering, sample),
      silhouetteSampleSize: sample.length,
    },
  };
}

function observedMedian(
  table: PhaseTable,
  rows: readonly number[],
  feature: FeatureName,
): number | null {
  const column = FEATURE_COLUMN[feature];
  const values: number[] = [];
  for (const row of rows) {
    const value = table.raw[row * FEATURE_COUNT + column] as number;
    if (!Number.isNaN(value)) values.push(value);
  }
  return median(values);
}

/** The family a school belongs to; null when it is not in any. */
export function familyOf(families: Families, urn: number): Family | null {
  const id = families.assignments.get(urn);
  return id === undefined ? null : (families.byId.get(id) ?? null);
}

export interface BetterSchool {
  urn: number;
  /** The member's raw outcome figure. */
  value: number;
  /** How much better than the school's own figure, in the outcome's units (always > 0). */
  difference: number;
  /** Distance from the school in the FAMILIES space: how alike the two are. */
  distance: number;
}

/**
 * Members of the school's family whose `outcome` beats the school's own, best first (ties by
 * lower URN). "Beats" follows the outcome's direction (a lower Ofsted grade is better).
 *
 * Rules: only observed figures count: members whose figure was imputed are left out, and a school
 * whose own figure was imputed gets an empty list, since an imputed median says nothing about how
 * the school actually did. `outcome` must be an outcome feature measured in the school's phase.
 * Empty for a URN that is in no family.
 */
export function schoolsDoingBetter(
  index: FeatureIndex,
  families: Families,
  urn: number,
  outcome: string,
): BetterSchool[] {
  const feature = checkOutcomeFeature(outcome, "outcome");
  const ref = index.locate(urn);
  const family = familyOf(families, urn);
  if (!ref || !family) return [];
  const { table, row: self } = ref;
  if (!table.features.includes(feature)) {
    throw new DomainValidationError(
      `\`outcome\` ${feature} is not measured for ${table.phase} schools; use one of ` +
        `${table.features.filter(isOutcomeFeature).join(", ")}.`,
      "outcome",
    );
  }
  const column = FEATURE_COLUMN[feature];
  const own = table.raw[self * FEATURE_COUNT + column] as number;
  if (Number.isNaN(own)) return [];

  const direction = betterDirection(feature);
  const { columns, weights } = activeColumns(table.phase, PRESETS.FAMILIES);
  const better: BetterSchool[] = [];
  for (const member of family.members) {
    const memberRef = index.locate(member);
    if (!memberRef || member === urn) continue;
    const value = table.raw[memberRef.row * FEATURE_COUNT + column] as number;
    const difference = (value - own) * direction;
    if (Number.isNaN(value) || difference <= 0) continue;
    let squared = 0;
    for (let a = 0; a < columns.length; a++) {
      const c = columns[a] as number;
      const gap =
        (table.scaled[memberRef.row * FEATURE_COUNT + c] as number) -
        (table.scaled[self * FEATURE_COUNT + c] as number);
      squared += (weights[a] as number) * gap * gap;
    }
    better.push({ urn: member, value, difference, distance: Math.sqrt(squared) });
  }
  return better.sort((a, b) => b.difference - a.difference || a.urn - b.urn);
}
