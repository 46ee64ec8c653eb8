/**
 * k-means for families of schools, and the measures of how good the families are. Points are
 * row-major Float64Arrays (one row per school), already scaled and weighted, so plain squared
 * Euclidean distance between rows is the weighted distance of features.ts.
 *
 * ml-kmeans runs the Lloyd iterations. Seeding is done here, with the k-means++ rule of Arthur and
 * Vassilvitskii (2007) and a seeded generator, because ml-kmeans' own k-means++ copies a matrix
 * row for every distance it takes: about 6 s for 16,800 primaries and k = 336 on a 2-core machine,
 * against about 0.12 s here. The centres are picked by the same rule (one candidate per draw).
 */
import { kmeans } from "ml-kmeans";
import { seededRandom } from "./stats.js";

/** Row-major points: `count` rows of `dims` numbers. */
export interface Points {
  data: Float64Array;
  count: number;
  dims: number;
}

export interface KmeansSettings {
  seed: number;
  /** Lloyd iterations at most: the cap that keeps a run within its time budget. */
  maxIterations: number;
  /** Stop once no centroid moves by more than this squared distance. */
  tolerance: number;
}

export interface Clustering {
  /** Number of clusters; below the k asked for when the points have fewer distinct values. */
  k: number;
  /** Cluster of each point, 0..k-1; no cluster is empty. */
  assignments: Int32Array;
  /** k × dims, row-major. */
  centroids: Float64Array;
  sizes: Int32Array;
  iterations: number;
  converged: boolean;
}

function squaredDistance(
  a: Float64Array,
  aRow: number,
  b: Float64Array,
  bRow: number,
  dims: number,
): number {
  let sum = 0;
  const aBase = aRow * dims;
  const bBase = bRow * dims;
  for (let d = 0; d < dims; d++) {
    const difference = (a[aBase + d] as number) - (b[bBase + d] as number);
    sum += difference * difference;
  }
  return sum;
}

/**
 * Rows to start k-means from, by k-means++: the first uniformly at random, each next one with
 * probability proportional to its squared distance from the nearest centre chosen so far, so
 * centres start spread out and the expected cost is within a factor O(log k) of the optimum.
 * Stops early when every point coincides with a centre (fewer than k distinct points).
 */
export function kmeansPlusPlusSeeds(points: Points, k: number, random: () => number): number[] {
  const { data, count, dims } = points;
  if (count === 0 || k <= 0) return [];
  const seeds = [Math.floor(random() * count)];
  // Squared distance from each point to its nearest seed so far: the k-means++ draw weights.
  const nearest = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    nearest[i] = squaredDistance(data, i, data, seeds[0] as number, dims);
  }
  while (seeds.length < k) {
    let total = 0;
    for (let i = 0; i < count; i++) total += nearest[i] as number;
    if (total <= 0) break;
    const target = random() * total;
    let chosen = -1;
    let cumulative = 0;
    for (let i = 0; i < count; i++) {
      const weight = nearest[i] as number;
      if (weight <= 0) continue;
      chosen = i;
      cumulative += weight;
      if (cumulative > target) break;
    }
    seeds.push(chosen);
    for (let i = 0; i < count; i++) {
      const distance = squaredDistance(data, i, data, chosen, dims);
      if (distance < (nearest[i] as number)) nearest[i] = distance;
    }
  }
  return seeds;
}

/**
 * k-means clustering of the points, deterministic for the same points, k and seed: k-means++
 * seeds from a generator seeded with `settings.seed`, then ml-kmeans' Lloyd iterations. Clusters
 * left empty are dropped and the rest renumbered in order, so every cluster has members.
 */
export function cluster(points: Points, k: number, settings: KmeansSettings): Clustering {
  const { data, count, dims } = points;
  if (count === 0) {
    return {
      k: 0,
      assignments: new Int32Array(0),
      centroids: new Float64Array(0),
      sizes: new Int32Array(0),
      iterations: 0,
      converged: true,
    };
  }
  const rows: number[][] = [];
  for (let i = 0; i < count; i++) rows.push(Array.from(data.subarray(i * dims, (i + 1) * dims)));
  const seeds = kmeansPlusPlusSeeds(points, Math.min(k, count), seededRandom(settings.seed));
  const result = kmeans(rows, seeds.length, {
    initialization: seeds.map((row) => [...(rows[row] as number[])]),
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
  });

  const rawSizes = new Int32Array(seeds.length);
  for (const id of result.clusters) rawSizes[id] = (rawSizes[id] as number) + 1;
  const renumber = new Int32Array(seeds.length).fill(-1);
  let kept = 0;
  rawSizes.forEach((size, id) => {
    if (size > 0) renumber[id] = kept++;
  });
  const assignments = Int32Array.from(result.clusters, (id) => renumber[id] as number);
  const centroids = new Float64Array(kept * dims);
  const sizes = new Int32Array(kept);
  result.centroids.forEach((centroid, id) => {
    const to = renumber[id] as number;
    if (to < 0) return;
    centroids.set(centroid, to * dims);
    sizes[to] = rawSizes[id] as number;
  });
  return {
    k: kept,
    assignments,
    centroids,
    sizes,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/** Euclidean distance of every point to the centroid of its cluster. */
export function distancesToCentroids(points: Points, clustering: Clustering): Float64Array {
  const distances = new Float64Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const id = clustering.assignments[i] as number;
    distances[i] = Math.sqrt(
      squaredDistance(points.data, i, clustering.centroids, id, points.dims),
    );
  }
  return distances;
}

/**
 * Mean silhouette of the sampled points, measured against all points: for point i in cluster A,
 * a = mean distance to the other members of A, b = the lowest mean distance to the members of
 * another cluster, s = (b − a) / max(a, b), and s = 0 for a point alone in its cluster (Rousseeuw
 * 1987). From −1 (points sit in the wrong family) through 0 (families overlap) to 1 (tight and
 * apart). Null when there is one cluster or no sample, since b is then undefined.
 *
 * Each sampled point's score is exact, yet costs far less than a pass over all n points: the mean
 * distance from a point to a cluster is never less than its distance to the cluster's mean
 * (Jensen's inequality, the norm being convex), so clusters are visited nearest mean first and the
 * search for b stops at the first cluster whose mean is further away than the best b so far.
 */
export function silhouette(
  points: Points,
  clustering: Clustering,
  sample: ArrayLike<number>,
): number | null {
  const { data, count, dims } = points;
  const { k, assignments, sizes } = clustering;
  if (k < 2 || sample.length === 0) return null;

  // Points grouped by cluster, so each cluster is one contiguous block, and exact cluster means
  // (the pruning bound needs the true means of these assignments).
  const starts = new Int32Array(k + 1);
  for (let id = 0; id < k; id++) starts[id + 1] = (starts[id] as number) + (sizes[id] as number);
  const next = starts.slice(0, k);
  const grouped = new Float64Array(count * dims);
  const means = new Float64Array(k * dims);
  for (let j = 0; j < count; j++) {
    const id = assignments[j] as number;
    const at = next[id] as number;
    next[id] = at + 1;
    for (let d = 0; d < dims; d++) {
      const value = data[j * dims + d] as number;
      grouped[at * dims + d] = value;
      means[id * dims + d] = (means[id * dims + d] as number) + value / (sizes[id] as number);
    }
  }

  const meanDistance = (i: number, id: number): number => {
    let sum = 0;
    const end = (starts[id + 1] as number) * dims;
    for (let base = (starts[id] as number) * dims; base < end; base += dims) {
      sum += Math.sqrt(squaredDistance(data, i, grouped, base / dims, dims));
    }
    return sum;
  };

  const order = Array.from({ length: k }, (_, id) => id);
  const toMeans = new Float64Array(k);
  let total = 0;
  for (let s = 0; s < sample.length; s++) {
    const i = sample[s] as number;
    const own = assignments[i] as number;
    const ownSize = sizes[own] as number;
    if (ownSize < 2) continue;
    // The point itself is in its own block and adds 0, hence size − 1.
    const a = meanDistance(i, own) / (ownSize - 1);
    for (let id = 0; id < k; id++)
      toMeans[id] = Math.sqrt(squaredDistance(data, i, means, id, dims));
    order.sort((x, y) => (toMeans[x] as number) - (toMeans[y] as number));
    let b = Infinity;
    for (const id of order) {
      if ((toMeans[id] as number) >= b) break;
      if (id === own) continue;
      const mean = meanDistance(i, id) / (sizes[id] as number);
      if (mean < b) b = mean;
    }
    const larger = Math.max(a, b);
    total += larger > 0 ? (b - a) / larger : 0;
  }
  return total / sample.length;
}
