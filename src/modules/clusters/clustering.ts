/**
 * Geographic clusters of schools, balanced in size and, where geography allows, mixing schools
 * that can offer support with schools that need it. Pure and deterministic: the same points and
 * target size always give the same clusters (no randomness; every tie is broken by id).
 *
 * The rule:
 * 1. k = max(1, round(n / targetSize)) clusters for n points.
 * 2. Seeds: the point nearest the points' mean, then repeatedly the point farthest from every
 *    seed chosen so far (farthest-point seeding spreads the seeds over the whole area).
 * 3. Balanced assignment: every (point, centre) pair is taken in ascending distance order and a
 *    point goes to the first centre that still has room. Room is floor(n / k) places per cluster,
 *    and n mod k clusters (the first to fill) get one more, so every cluster ends with
 *    floor(n / k) or ceil(n / k) points and none is empty.
 * 4. Lloyd updates: each centre moves to the mean of its points, and 3 and 4 repeat until the
 *    assignment stops changing, at most MAX_ITERATIONS times.
 * 5. Mixing ("where geography allows"): points are STRONGER (need band 3-4), WEAKER (band 1-2)
 *    or NEUTRAL (no band). A cluster with only one of the two kinds tries the clusters with the
 *    nearest centres first, swapping one of its own points of the kind it has for a point of the
 *    kind it lacks, so that afterwards both clusters hold both kinds. A swap is accepted only if
 *    neither cluster's spread grows by more than max(2 km, 25 %) of what it was; the swap that
 *    keeps the larger of the two new spreads smallest is taken. Passes repeat until none
 *    succeeds: each swap adds a mixed cluster and unmixes none, so this ends.
 *
 * A cluster's centre is the mean of its points' coordinates and its spread the largest
 * great-circle distance from a point to that centre.
 */
import { haversineKm } from "../matching/geo.js";

export type Strength = "STRONGER" | "WEAKER" | "NEUTRAL";

export interface ClusterPoint {
  /** Unique; orders every tie (URNs for schools). */
  id: number;
  latitude: number;
  longitude: number;
  strength: Strength;
}

export interface Centre {
  latitude: number;
  longitude: number;
}

/** One swap made by the mixing pass, seen from the cluster that asked for it. */
export interface Swap {
  /** The point this cluster gave away. */
  gaveId: number;
  /** The point it received. */
  receivedId: number;
  /** The other cluster's index in the result. */
  partner: number;
}

export interface Cluster {
  /** Member ids in ascending order. */
  memberIds: number[];
  centre: Centre;
  spreadKm: number;
  /** Swaps this cluster took part in, in the order they were made. */
  swaps: Swap[];
}

/** Assignment and centre updates stop here even if the assignment still changes. */
export const MAX_ITERATIONS = 50;
/** A swap may grow a cluster's spread by this much at least ... */
export const SWAP_TOLERANCE_KM = 2;
/** ... or by this share of its spread, whichever is larger. */
export const SWAP_TOLERANCE_SHARE = 0.25;

/** How many clusters n points make at a target size. */
export function clusterCount(n: number, targetSize: number): number {
  return n === 0 ? 0 : Math.min(n, Math.max(1, Math.round(n / targetSize)));
}

export function strengthOf(needBand: number | null): Strength {
  if (needBand === 1 || needBand === 2) return "WEAKER";
  if (needBand === 3 || needBand === 4) return "STRONGER";
  return "NEUTRAL";
}

/** Mean of the points' coordinates; England is far from the antimeridian, so a plain mean is fine. */
export function centreOf(points: readonly Centre[]): Centre {
  let latitude = 0;
  let longitude = 0;
  for (const point of points) {
    latitude += point.latitude;
    longitude += point.longitude;
  }
  return { latitude: latitude / points.length, longitude: longitude / points.length };
}

export function distanceKm(a: Centre, b: Centre): number {
  return haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** Largest distance from a point to the points' centre. */
export function spreadOf(points: readonly Centre[], centre = centreOf(points)): number {
  let spread = 0;
  for (const point of points) spread = Math.max(spread, distanceKm(point, centre));
  return spread;
}

/** Clusters `points` by the rule above; the result is in no particular geographic order. */
export function clusterPoints(points: readonly ClusterPoint[], targetSize: number): Cluster[] {
  const sorted = [...points].sort((a, b) => a.id - b.id);
  const k = clusterCount(sorted.length, targetSize);
  if (k === 0) return [];

  let centres = seeds(sorted, k);
  let assignment = assign(sorted, centres);
  for (let iteration = 1; iteration < MAX_ITERATIONS; iteration += 1) {
    centres = groups(sorted, assignment, k).map((members) => centreOf(members));
    const next = assign(sorted, centres);
    const stable = next.every((cluster, i) => cluster === assignment[i]);
    assignment = next;
    if (stable) break;
  }

  const memberLists = groups(sorted, assignment, k);
  const swaps = mix(memberLists);
  return memberLists.map((members, i) => {
    const ordered = [...members].sort((a, b) => a.id - b.id);
    const centre = centreOf(ordered);
    return {
      memberIds: ordered.map((point) => point.id),
      centre,
      spreadKm: spreadOf(ordered, centre),
      swaps: swaps[i] ?? [],
    };
  });
}

function seeds(points: readonly ClusterPoint[], k: number): Centre[] {
  const mean = centreOf(points);
  let first = 0;
  let best = Infinity;
  points.forEach((point, i) => {
    const d = distanceKm(point, mean);
    if (d < best) [first, best] = [i, d];
  });
  const chosen = [first];
  // Distance from each point to its nearest seed so far.
  const nearest = points.map((point) => distanceKm(point, points[first]!));
  while (chosen.length < k) {
    let next = -1;
    let farthest = -1;
    nearest.forEach((d, i) => {
      if (d > farthest && !chosen.includes(i)) [next, farthest] = [i, d];
    });
    chosen.push(next);
    points.forEach((point, i) => {
      nearest[i] = Math.min(nearest[i]!, distanceKm(point, points[next]!));
    });
  }
  return chosen.map((i) => ({ latitude: points[i]!.latitude, longitude: points[i]!.longitude }));
}

/**
 * Each point's pairs with this many nearest centres are ranked first; a point whose nearest
 * centres all fill up meets the rest in a second round. The order is the same as ranking every
 * pair for all but such points, at a fraction of the cost when there are many clusters.
 */
const NEAR_CENTRES = 12;

interface Pair {
  d: number;
  point: number;
  cluster: number;
}

const byDistance = (a: Pair, b: Pair) => a.d - b.d || a.point - b.point || a.cluster - b.cluster;

/** The `count` first pairs in distance order, without sorting them all. */
function nearest(pairs: readonly Pair[], count: number): Pair[] {
  const kept: Pair[] = [];
  for (const pair of pairs) {
    if (kept.length === count && byDistance(pair, kept[count - 1]!) >= 0) continue;
    let i = Math.min(kept.length, count - 1);
    kept[i] = pair;
    while (i > 0 && byDistance(kept[i]!, kept[i - 1]!) < 0) {
      [kept[i - 1], kept[i]] = [kept[i]!, kept[i - 1]!];
      i -= 1;
    }
  }
  return kept;
}

/** Balanced greedy assignment (step 3): the cluster index of each point, in point order. */
function assign(points: readonly ClusterPoint[], centres: readonly Centre[]): number[] {
  const k = centres.length;
  const base = Math.floor(points.length / k);
  let largerLeft = points.length % k;
  const result = new Array<number>(points.length).fill(-1);
  const sizes = new Array<number>(k).fill(0);
  const pairsOf = (p: number) =>
    centres.map((centre, c) => ({ d: distanceKm(points[p]!, centre), point: p, cluster: c }));

  const take = (pairs: Pair[]) => {
    pairs.sort(byDistance);
    for (const { point, cluster } of pairs) {
      if (result[point] !== -1) continue;
      const size = sizes[cluster]!;
      if (size > base || (size === base && largerLeft === 0)) continue;
      if (size === base) largerLeft -= 1;
      sizes[cluster] = size + 1;
      result[point] = cluster;
    }
  };

  take(points.flatMap((_, p) => nearest(pairsOf(p), NEAR_CENTRES)));
  const left = points.flatMap((_, p) => (result[p] === -1 ? pairsOf(p) : []));
  if (left.length > 0) take(left);
  return result;
}

function groups(
  points: readonly ClusterPoint[],
  assignment: readonly number[],
  k: number,
): ClusterPoint[][] {
  const result: ClusterPoint[][] = Array.from({ length: k }, () => []);
  points.forEach((point, i) => result[assignment[i]!]!.push(point));
  return result;
}

const ofStrength = (members: readonly ClusterPoint[], strength: Strength) =>
  members.filter((point) => point.strength === strength).sort((a, b) => a.id - b.id);

const count = (members: readonly ClusterPoint[], strength: Strength) =>
  members.filter((point) => point.strength === strength).length;

export function isMixed(members: readonly { strength: Strength }[]): boolean {
  return (
    members.some((point) => point.strength === "STRONGER") &&
    members.some((point) => point.strength === "WEAKER")
  );
}

/** Whether a spread that was `before` may become `after` in a swap. */
export function withinTolerance(before: number, after: number): boolean {
  return after - before <= Math.max(SWAP_TOLERANCE_KM, SWAP_TOLERANCE_SHARE * before) + 1e-9;
}

/** The mixing pass (step 5); changes `clusters` in place and returns each cluster's swaps. */
function mix(clusters: ClusterPoint[][]): Swap[][] {
  const swaps: Swap[][] = clusters.map(() => []);
  for (let changed = true; changed;) {
    changed = false;
    for (let a = 0; a < clusters.length; a += 1) {
      const own = clusters[a]!;
      if (isMixed(own)) continue;
      const has: Strength | null =
        count(own, "WEAKER") > 0 ? "WEAKER" : count(own, "STRONGER") > 0 ? "STRONGER" : null;
      // A cluster of unbanded schools has nothing to mix.
      if (has === null || count(own, has) < 2) continue;
      const lacks: Strength = has === "WEAKER" ? "STRONGER" : "WEAKER";
      const swap = bestSwap(clusters, a, has, lacks);
      if (swap === null) continue;
      const { b, give, take } = swap;
      const other = clusters[b]!;
      clusters[a] = [...own.filter((point) => point !== give), take];
      clusters[b] = [...other.filter((point) => point !== take), give];
      swaps[a]!.push({ gaveId: give.id, receivedId: take.id, partner: b });
      swaps[b]!.push({ gaveId: take.id, receivedId: give.id, partner: a });
      changed = true;
    }
  }
  return swaps;
}

function bestSwap(
  clusters: readonly ClusterPoint[][],
  a: number,
  has: Strength,
  lacks: Strength,
): { b: number; give: ClusterPoint; take: ClusterPoint } | null {
  const own = clusters[a]!;
  const ownCentre = centreOf(own);
  const ownSpread = spreadOf(own, ownCentre);
  const neighbours = clusters
    .map((members, b) => ({ b, d: distanceKm(ownCentre, centreOf(members)) }))
    .filter(({ b }) => b !== a)
    .sort((x, y) => x.d - y.d || x.b - y.b);

  for (const { b } of neighbours) {
    const other = clusters[b]!;
    // The other cluster must keep one of the kind it gives, so it ends mixed too.
    if (count(other, lacks) < 2) continue;
    const otherSpread = spreadOf(other);
    let best: { give: ClusterPoint; take: ClusterPoint; worst: number } | null = null;
    for (const give of ofStrength(own, has)) {
      for (const take of ofStrength(other, lacks)) {
        const ownAfter = spreadOf([...own.filter((point) => point !== give), take]);
        const otherAfter = spreadOf([...other.filter((point) => point !== take), give]);
        if (!withinTolerance(ownSpread, ownAfter) || !withinTolerance(otherSpread, otherAfter)) {
          continue;
        }
        const worst = Math.max(ownAfter, otherAfter);
        // Candidates come in id order, so the first of equal worsts wins.
        if (best === null || worst < best.worst) best = { give, take, worst };
      }
    }
    if (best !== null) return { b, give: best.give, take: best.take };
  }
  return null;
}
