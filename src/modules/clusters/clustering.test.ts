import { describe, expect, it } from "vitest";
import { haversineKm } from "../matching/geo.js";
import {
  assign,
  clusterCount,
  clusterPoints,
  greedyAssign,
  rankCentres,
  isMixed,
  strengthOf,
  withinTolerance,
  type ClusterPoint,
  type Strength,
} from "./clustering.js";

/** About 1 km of latitude, and of longitude at 50°N. */
const KM_LAT = 1 / 111.195;
const KM_LON = 1 / (111.195 * Math.cos((50 * Math.PI) / 180));

function at(id: number, eastKm: number, northKm: number, strength: Strength = "NEUTRAL") {
  return { id, latitude: 50 + northKm * KM_LAT, longitude: -2 + eastKm * KM_LON, strength };
}

/**
 * Three stronger schools at the origin (1, 2, 3) and three more (4, 5, 6) `eastKm` to the east,
 * with the strengths given.
 */
function westAndEast(eastKm: number, east: [Strength, Strength, Strength]) {
  return [
    at(1, 0, 0, "STRONGER"),
    at(2, 0, 0.5, "STRONGER"),
    at(3, 0.5, 0, "STRONGER"),
    at(4, eastKm, 0, east[0]),
    at(5, eastKm, 0.5, east[1]),
    at(6, eastKm + 0.5, 0, east[2]),
  ];
}

const strengthOfId = (points: readonly ClusterPoint[]) =>
  new Map(points.map((point) => [point.id, { strength: point.strength }]));

describe("clusterPoints", () => {
  it("when points form two well-separated groups, then each group is one cluster", () => {
    const points = [
      ...[0, 1, 2, 3, 4].map((i) => at(10 + i, i * 0.5, 0)),
      ...[0, 1, 2, 3, 4].map((i) => at(20 + i, 40 + i * 0.5, 1)),
    ];
    const clusters = clusterPoints(points, 5);
    expect(clusters.map((c) => c.memberIds).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [10, 11, 12, 13, 14],
      [20, 21, 22, 23, 24],
    ]);
  });

  it("when 23 points are clustered at target size 5, then 5 clusters hold 4 or 5 points each and every point once", () => {
    const points = Array.from({ length: 23 }, (_, i) =>
      at(i + 1, (i % 6) * 3, Math.floor(i / 6) * 2),
    );
    const clusters = clusterPoints(points, 5);
    expect(clusters).toHaveLength(clusterCount(23, 5));
    expect(clusters).toHaveLength(5);
    for (const cluster of clusters) expect([4, 5]).toContain(cluster.memberIds.length);
    expect(clusters.flatMap((c) => c.memberIds).sort((a, b) => a - b)).toEqual(
      points.map((p) => p.id),
    );
  });

  it("when the same points come in another order, then the clusters are identical", () => {
    const points = Array.from({ length: 30 }, (_, i) =>
      at(i + 1, (i * 7) % 11, (i * 5) % 13, (["STRONGER", "WEAKER", "NEUTRAL"] as const)[i % 3]),
    );
    const reversed = [...points].reverse();
    expect(clusterPoints(reversed, 6)).toEqual(clusterPoints(points, 6));
  });

  it("when two points are 10 km apart north-south, then the centre is their mean and the spread half the distance", () => {
    const [cluster] = clusterPoints([at(1, 0, 0), at(2, 0, 10)], 3);
    expect(cluster?.centre.latitude).toBeCloseTo(50 + 5 * KM_LAT, 9);
    expect(cluster?.centre.longitude).toBeCloseTo(-2, 9);
    // 0.0899° of latitude is 10.000 km on the mean sphere; half of it, 5.000 km.
    expect(cluster?.spreadKm).toBeCloseTo(5, 3);
  });

  it("when the spread is recomputed by hand for each cluster, then it is the largest distance to the members' mean", () => {
    const points = Array.from({ length: 17 }, (_, i) => at(i + 1, (i * 13) % 17, (i * 7) % 9));
    const byId = new Map(points.map((p) => [p.id, p]));
    for (const cluster of clusterPoints(points, 4)) {
      const members = cluster.memberIds.map((id) => byId.get(id)!);
      const latitude = members.reduce((s, p) => s + p.latitude, 0) / members.length;
      const longitude = members.reduce((s, p) => s + p.longitude, 0) / members.length;
      const spread = Math.max(
        ...members.map((p) => haversineKm(p.latitude, p.longitude, latitude, longitude)),
      );
      expect(cluster.centre.latitude).toBeCloseTo(latitude, 12);
      expect(cluster.spreadKm).toBeCloseTo(spread, 9);
    }
  });

  it("when a cluster of stronger schools sits 3 km from a cluster with two weaker schools, then a swap mixes both", () => {
    const points = westAndEast(3, ["WEAKER", "WEAKER", "STRONGER"]);
    const clusters = clusterPoints(points, 3);
    const strengths = strengthOfId(points);
    expect(clusters).toHaveLength(2);
    for (const cluster of clusters) {
      expect(cluster.memberIds).toHaveLength(3);
      expect(isMixed(cluster.memberIds.map((id) => strengths.get(id)!))).toBe(true);
      expect(cluster.swaps).toHaveLength(1);
    }
    // The western cluster gave its easternmost stronger school for a weaker one (4 and 5 tie).
    const west = clusters.find((c) => c.memberIds.includes(1))!;
    expect(west.memberIds.slice(0, 2)).toEqual([1, 2]);
    expect([4, 5]).toContain(west.memberIds[2]);
    expect(west.swaps[0]).toMatchObject({ gaveId: 3, receivedId: west.memberIds[2] });
  });

  it("when the cluster with weaker schools is 30 km away, then the tolerance forbids the swap", () => {
    const points = westAndEast(30, ["WEAKER", "WEAKER", "STRONGER"]);
    const clusters = clusterPoints(points, 3);
    const west = clusters.find((c) => c.memberIds.includes(1))!;
    expect(west.memberIds).toEqual([1, 2, 3]);
    expect(clusters.every((c) => c.swaps.length === 0)).toBe(true);
  });

  it("when the other cluster has only one weaker school, then no swap is made (it would lose its mix)", () => {
    const points = westAndEast(3, ["WEAKER", "STRONGER", "STRONGER"]);
    expect(clusterPoints(points, 3).every((c) => c.swaps.length === 0)).toBe(true);
  });

  describe("when a cluster is left unmixed, then the pass records why", () => {
    /** Two groups of three, `apartKm` apart east-west, the western one clustered first. */
    const reasonOfWest = (west: Strength[], east: Strength[], apartKm: number) => {
      const points = [
        ...west.map((strength, i) => at(1 + i, i * 0.5, (i % 2) * 0.5, strength)),
        ...east.map((strength, i) => at(4 + i, apartKm + i * 0.5, (i % 2) * 0.5, strength)),
      ];
      const clusters = clusterPoints(points, 3);
      const westCluster = clusters.find((c) => c.memberIds.includes(1))!;
      expect(westCluster.memberIds).toEqual([1, 2, 3]);
      return westCluster.unmixedReason;
    };
    const S = "STRONGER" as const;
    const W = "WEAKER" as const;
    const N = "NEUTRAL" as const;

    it("when none of its points has a band, then NO_BANDS", () => {
      expect(reasonOfWest([N, N, N], [W, W, S], 30)).toBe("NO_BANDS");
    });

    it("when it has one banded point only, then NO_SPARE, even with a partner next door", () => {
      expect(reasonOfWest([S, N, N], [W, W, S], 3)).toBe("NO_SPARE");
    });

    it("when no other cluster has two of the kind it lacks, then NO_PARTNER", () => {
      expect(reasonOfWest([S, S, S], [W, S, S], 3)).toBe("NO_PARTNER");
    });

    it("when the only partner is 30 km away, then TOLERANCE", () => {
      expect(reasonOfWest([S, S, S], [W, W, S], 30)).toBe("TOLERANCE");
    });

    it("when it is mixed, then no reason", () => {
      expect(reasonOfWest([S, W, N], [W, W, S], 30)).toBeNull();
    });
  });

  it("when there are no points, then there are no clusters", () => {
    expect(clusterPoints([], 8)).toEqual([]);
  });
});

/** Step 3 as the rule words it: every (point, centre) pair sorted, each point to the first with room. */
function assignBySortingEveryPair(
  points: readonly ClusterPoint[],
  centres: readonly { latitude: number; longitude: number }[],
): number[] {
  const k = centres.length;
  const base = Math.floor(points.length / k);
  let largerLeft = points.length % k;
  const sizes = new Array<number>(k).fill(0);
  const result = new Array<number>(points.length).fill(-1);
  const pairs = points.flatMap((point, p) =>
    centres.map((centre, c) => ({
      d: haversineKm(point.latitude, point.longitude, centre.latitude, centre.longitude),
      p,
      c,
    })),
  );
  pairs.sort((a, b) => a.d - b.d || a.p - b.p || a.c - b.c);
  for (const { p, c } of pairs) {
    if (result[p] !== -1) continue;
    if (sizes[c]! > base || (sizes[c] === base && largerLeft === 0)) continue;
    if (sizes[c] === base) largerLeft -= 1;
    sizes[c] = sizes[c]! + 1;
    result[p] = c;
  }
  return result;
}

describe("assign", () => {
  it("when 5 points on a line meet 2 centres, then the first cluster to fill takes the extra point", () => {
    const points = [0, 1, 1.8, 3, 10].map((east, i) => at(i + 1, east, 0));
    // Room is 2, and one cluster may take 3. Pairs by distance: 1-A 0, 2-A 1, 4-B 1, 3-A 1.8
    // (A takes the third place), then 5 finds A full and joins B at 6 km.
    const centres = [at(0, 0, 0), at(0, 4, 0)];
    expect(greedyAssign(rankCentres(points, centres), 2)).toEqual([0, 0, 0, 1, 1]);
    // Every point already sits with its nearest centre, so no swap follows.
    expect(assign(points, centres)).toEqual([0, 0, 0, 1, 1]);
  });

  it("when many clusters fill unevenly, then the assignment is the one sorting every pair gives", () => {
    // A dense town that overflows the centres near it, and villages spread over 60 km: a town
    // point's twelve nearest centres can all fill before its turn comes.
    const points = [
      ...Array.from({ length: 120 }, (_, i) => at(i + 1, (i % 10) * 0.3, Math.floor(i / 10) * 0.3)),
      ...Array.from({ length: 80 }, (_, i) => at(1000 + i, (i * 148) % 61, (i * 23) % 59)),
    ];
    const centres = Array.from({ length: 20 }, (_, i) => at(0, (i * 68) % 53, (i * 11) % 47));
    const assigned = greedyAssign(rankCentres(points, centres), centres.length);
    expect(assigned).toEqual(assignBySortingEveryPair(points, centres));
    const sizes = centres.map((_, c) => assigned.filter((a) => a === c).length);
    expect(sizes.every((size) => size === 10)).toBe(true);
  });
});

describe("assignment swaps", () => {
  it("when greedy filling strands a far point, then a swap moves it to the nearer cluster", () => {
    // Centres A (0 km) and B (10 km), two places each. Greedy: 1-A 0, 4-B 1, 2-A 4 fill A, so
    // 3 (8 km west) joins B 18 km away. Swapping 3 and 2 turns 18² + 4² = 340 into 8² + 6² = 100.
    const points = [at(1, 0, 0), at(2, 4, 0), at(3, -8, 0), at(4, 9, 0)];
    const centres = [at(0, 0, 0), at(0, 10, 0)];
    expect(greedyAssign(rankCentres(points, centres), 2)).toEqual([0, 0, 1, 1]);
    expect(assign(points, centres)).toEqual([0, 1, 0, 1]);
  });
});

describe("rules", () => {
  it("when need bands are read, then 1-2 are weaker, 3-4 stronger, none neutral", () => {
    expect([1, 2, 3, 4, null].map(strengthOf)).toEqual([
      "WEAKER",
      "WEAKER",
      "STRONGER",
      "STRONGER",
      "NEUTRAL",
    ]);
  });

  it("when a spread grows, then up to 2 km or 25%, whichever is larger, is tolerated", () => {
    expect(withinTolerance(4, 6)).toBe(true);
    expect(withinTolerance(4, 6.1)).toBe(false);
    expect(withinTolerance(20, 25)).toBe(true);
    expect(withinTolerance(20, 25.1)).toBe(false);
  });

  it("when the counts are computed, then k = max(1, round(n / target))", () => {
    expect([
      clusterCount(159, 8),
      clusterCount(3, 8),
      clusterCount(20, 8),
      clusterCount(0, 8),
    ]).toEqual([20, 1, 3, 0]);
  });
});
