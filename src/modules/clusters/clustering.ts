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
 *    floor(n / k) or ceil(n / k) points and none is empty. Then, while swapping two points of
 *    different clusters lowers the sum of squared distances to their centres, the best swap for
 *    each point in turn is made (sizes stay the same).
 * 4. Lloyd updates: each centre moves to the mean of its points, and 3 and 4 repeat until the
 *    assignment stops changing, at most CLUSTERING.maxIterations times.
 * 5. Mixing ("where geography allows"): points are STRONGER (need band 3-4), WEAKER (band 1-2)
 *    or NEUTRAL (no band). A cluster with only one of the two kinds tries the clusters with the
 *    nearest centres first, swapping one of its own points of the kind it has for a point of the
 *    kind it lacks, so that afterwards both clusters hold both kinds. A swap is accepted only if
 *    neither cluster's spread grows by more than max(2 km, 25 %) of what it was; the swap that
 *    keeps the larger of the two new spreads smallest is taken. Passes repeat until none
 *    succeeds: each swap adds a mixed cluster and unmixes none, so this ends. A cluster left
 *    unmixed carries why (UnmixedReason), for its explanation.
 *
 * A cluster's centre is the mean of its points' coordinates and its spread the largest
 * great-circle distance from a point to that centre.
 */
import { haversineKm } from "../matching/geo.js";
import { CLUSTERING } from "./cluster.rules.js";

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

/**
 * Why the mixing pass left a cluster unmixed:
 * - NO_BANDS: none of its points has a band, so there is nothing to mix;
 * - NO_SPARE: it has one banded point only, and swapping that away for one of the other kind
 *   would leave it unmixed still;
 * - NO_PARTNER: no other cluster has two or more of the kind it lacks, so none could give one
 *   away and stay mixed itself;
 * - TOLERANCE: some cluster could, but every such swap grew a spread beyond the tolerance.
 */
export type UnmixedReason = "NO_BANDS" | "NO_SPARE" | "NO_PARTNER" | "TOLERANCE";

export interface Cluster {
  /** Member ids in ascending order. */
  memberIds: number[];
  centre: Centre;
  spreadKm: number;
  /** Swaps this cluster took part in, in the order they were made. */
  swaps: Swap[];
  /** Null when the cluster is mixed. */
  unmixedReason: UnmixedReason | null;
}

/** Assignment swaps must gain more than this (km²), so rounding noise never swaps back and forth. */
const SWAP_GAIN_EPSILON = 1e-9;

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
  for (let iteration = 1; iteration < CLUSTERING.maxIterations; iteration += 1) {
    centres = groups(sorted, assignment, k).map((members) => centreOf(members));
    const next = assign(sorted, centres);
    const stable = next.every((cluster, i) => cluster === assignment[i]);
    assignment = next;
    if (stable) break;
  }

  const memberLists = groups(sorted, assignment, k);
  const { swaps, reasons } = mix(memberLists);
  return memberLists.map((members, i) => {
    const ordered = [...members].sort((a, b) => a.id - b.id);
    const centre = centreOf(ordered);
    return {
      memberIds: ordered.map((point) => point.id),
      centre,
      spreadKm: spreadOf(ordered, centre),
      swaps: swaps[i] ?? [],
      unmixedReason: reasons[i] ?? null,
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

export interface Pair {
  d: number;
  point: number;
  cluster: number;
}

const byDistance = (a: Pair, b: Pair) => a.d - b.d || a.point - b.point || a.cluster - b.cluster;

/** A binary min-heap of pairs in `byDistance` order. */
class PairHeap {
  private readonly items: Pair[] = [];

  get size(): number {
    return this.items.length;
  }

  push(pair: Pair): void {
    const items = this.items;
    items.push(pair);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (byDistance(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Pair {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && byDistance(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && byDistance(items[right]!, items[smallest]!) < 0)
          smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

/**
 * Balanced assignment (step 3): the cluster index of each point, in point order. Greedy filling
 * alone strands a far point in whichever cluster still has room at the end, however far away
 * (Axminster in a Plymouth cluster), so swaps then repair what it left.
 */
export function assign(points: readonly ClusterPoint[], centres: readonly Centre[]): number[] {
  const ranked = rankCentres(points, centres);
  const result = greedyAssign(ranked, centres.length);
  improveBySwaps(ranked, result);
  return result;
}

/** Each point's pairs with every centre, nearest first. */
export function rankCentres(points: readonly ClusterPoint[], centres: readonly Centre[]): Pair[][] {
  return points.map((point, p) =>
    centres
      .map((centre, c) => ({ d: distanceKm(point, centre), point: p, cluster: c }))
      .sort(byDistance),
  );
}

/**
 * Step 3's greedy filling: every pair in distance order, each point to the first centre with
 * room. Sorting all n·k pairs is too slow for the largest LAs at small target sizes (seconds per
 * request), so only each point's nearest centre with room sits in a heap. A cluster never
 * regains room once full, so a popped pair whose cluster has filled is replaced by that point's
 * next centre with room, and pairs leave the heap in exactly the order a sort of every pair would
 * visit the ones still usable.
 */
export function greedyAssign(ranked: readonly (readonly Pair[])[], k: number): number[] {
  const n = ranked.length;
  const base = Math.floor(n / k);
  let largerLeft = n % k;
  const result = new Array<number>(n).fill(-1);
  const sizes = new Array<number>(k).fill(0);
  const hasRoom = (cluster: number) => {
    const size = sizes[cluster]!;
    return size < base || (size === base && largerLeft > 0);
  };

  const next = new Array<number>(n).fill(0);
  const heap = new PairHeap();
  ranked.forEach((pairs) => heap.push(pairs[0]!));

  while (heap.size > 0) {
    const pair = heap.pop();
    if (hasRoom(pair.cluster)) {
      if (sizes[pair.cluster] === base) largerLeft -= 1;
      sizes[pair.cluster] = sizes[pair.cluster]! + 1;
      result[pair.point] = pair.cluster;
      continue;
    }
    const pairs = ranked[pair.point]!;
    let i = next[pair.point]! + 1;
    while (i < pairs.length && !hasRoom(pairs[i]!.cluster)) i += 1;
    next[pair.point] = i;
    // Rooms add up to the points left, so a point always finds one.
    heap.push(pairs[i]!);
  }
  return result;
}

/**
 * Step 3's repair, in place: each point in turn (in id order) that is not in its nearest
 * centre's cluster swaps with the point of another cluster that lowers the sum of squared
 * distances to the centres most (ties by id), in passes until no swap helps. Sizes are
 * unchanged. Squared, because a plain sum gains nothing from handing a far point on through the
 * clusters between, which is what spreads the cost of a stranded point.
 */
export function improveBySwaps(ranked: readonly (readonly Pair[])[], assignment: number[]): void {
  const distances = ranked.map((pairs) => {
    const row = new Array<number>(pairs.length);
    for (const pair of pairs) row[pair.cluster] = pair.d * pair.d;
    return row;
  });
  const cost = (point: number, cluster: number) => distances[point]![cluster]!;
  for (let pass = 0; pass < CLUSTERING.maxSwapPasses; pass += 1) {
    let swapped = false;
    assignment.forEach((a, i) => {
      // A helpful swap moves at least one of its points nearer; scanning only the points away
      // from their nearest centre (against every other) finds them all.
      if (ranked[i]![0]!.cluster === a) return;
      let best = SWAP_GAIN_EPSILON;
      let partner = -1;
      assignment.forEach((b, j) => {
        if (b === a) return;
        const gain = cost(i, a) + cost(j, b) - cost(i, b) - cost(j, a);
        if (gain > best) [best, partner] = [gain, j];
      });
      if (partner === -1) return;
      assignment[i] = assignment[partner]!;
      assignment[partner] = a;
      swapped = true;
    });
    if (!swapped) break;
  }
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
  return (
    after - before <=
    Math.max(CLUSTERING.swapToleranceKm, CLUSTERING.swapToleranceShare * before) + 1e-9
  );
}

/**
 * The mixing pass (step 5); changes `clusters` in place and returns each cluster's swaps and,
 * for those left unmixed, why. The last pass changes nothing and visits every cluster, so the
 * reasons recorded describe the final clusters.
 */
function mix(clusters: ClusterPoint[][]): {
  swaps: Swap[][];
  reasons: (UnmixedReason | null)[];
} {
  const swaps: Swap[][] = clusters.map(() => []);
  const reasons: (UnmixedReason | null)[] = clusters.map(() => null);
  for (let changed = true; changed;) {
    changed = false;
    for (let a = 0; a < clusters.length; a += 1) {
      const own = clusters[a]!;
      reasons[a] = null;
      if (isMixed(own)) continue;
      const has: Strength | null =
        count(own, "WEAKER") > 0 ? "WEAKER" : count(own, "STRONGER") > 0 ? "STRONGER" : null;
      if (has === null) {
        reasons[a] = "NO_BANDS";
        continue;
      }
      if (count(own, has) < 2) {
        reasons[a] = "NO_SPARE";
        continue;
      }
      const lacks: Strength = has === "WEAKER" ? "STRONGER" : "WEAKER";
      const swap = bestSwap(clusters, a, has, lacks);
      if ("reason" in swap) {
        reasons[a] = swap.reason;
        continue;
      }
      const { b, give, take } = swap;
      const other = clusters[b]!;
      clusters[a] = [...own.filter((point) => point !== give), take];
      clusters[b] = [...other.filter((point) => point !== take), give];
      swaps[a]!.push({ gaveId: give.id, receivedId: take.id, partner: b });
      swaps[b]!.push({ gaveId: take.id, receivedId: give.id, partner: a });
      changed = true;
    }
  }
  return { swaps, reasons };
}

function bestSwap(
  clusters: readonly ClusterPoint[][],
  a: number,
  has: Strength,
  lacks: Strength,
): { b: number; give: ClusterPoint; take: ClusterPoint } | { reason: "NO_PARTNER" | "TOLERANCE" } {
  const own = clusters[a]!;
  const ownCentre = centreOf(own);
  const ownSpread = spreadOf(own, ownCentre);
  const neighbours = clusters
    .map((members, b) => ({ b, d: distanceKm(ownCentre, centreOf(members)) }))
    .filter(({ b }) => b !== a)
    .sort((x, y) => x.d - y.d || x.b - y.b);

  let partners = 0;
  for (const { b } of neighbours) {
    const other = clusters[b]!;
    // The other cluster must keep one of the kind it gives, so it ends mixed too.
    if (count(other, lacks) < 2) continue;
    partners += 1;
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
  return { reason: partners === 0 ? "NO_PARTNER" : "TOLERANCE" };
}
