import { describe, expect, it } from "vitest";
import {
  cluster,
  kmeansPlusPlusSeeds,
  silhouette,
  type Clustering,
  type Points,
} from "./kmeans.js";
import { sampleIndices, seededRandom } from "./stats.js";

function line(values: number[]): Points {
  return { data: Float64Array.from(values), count: values.length, dims: 1 };
}

function given(assignments: number[]): Clustering {
  const k = Math.max(...assignments) + 1;
  const sizes = new Int32Array(k);
  for (const id of assignments) sizes[id]! += 1;
  return {
    k,
    assignments: Int32Array.from(assignments),
    centroids: new Float64Array(k),
    sizes,
    iterations: 0,
    converged: true,
  };
}

function blobs(perBlob: number, centres: number[][], seed: number): Points {
  const random = seededRandom(seed);
  const dims = centres[0]!.length;
  const data = new Float64Array(perBlob * centres.length * dims);
  centres.forEach((centre, b) => {
    for (let i = 0; i < perBlob; i++) {
      centre.forEach((value, d) => {
        data[(b * perBlob + i) * dims + d] = value + (random() - 0.5) * 0.2;
      });
    }
  });
  return { data, count: perBlob * centres.length, dims };
}

describe("silhouette", () => {
  it("when two pairs sit far apart on a line, then matches the hand-worked mean", () => {
    // 0 and 1 against 10 and 11: a = 1 for every point; b = 10.5 for the outer points (0, 11)
    // and 9.5 for the inner ones, so s = 9.5/10.5 twice and 8.5/9.5 twice.
    const value = silhouette(line([0, 1, 10, 11]), given([0, 0, 1, 1]), [0, 1, 2, 3]);

    expect(value).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it("when a point is alone in its cluster, then it scores 0", () => {
    // 0: a = 1, b = 5 → 0.8; 1: a = 1, b = 4 → 0.75; 5 alone → 0.
    const value = silhouette(line([0, 1, 5]), given([0, 0, 1]), [0, 1, 2]);

    expect(value).toBeCloseTo((0.8 + 0.75 + 0) / 3, 12);
  });

  it("when only some points are sampled, then averages over those alone", () => {
    const value = silhouette(line([0, 1, 10, 11]), given([0, 0, 1, 1]), [1]);

    expect(value).toBeCloseTo(8.5 / 9.5, 12);
  });

  it("when there is one cluster, then it is undefined", () => {
    expect(silhouette(line([0, 1, 2]), given([0, 0, 0]), [0, 1, 2])).toBeNull();
  });

  it("when clusters are pruned by their means, then it still equals the full computation", () => {
    const random = seededRandom(4);
    const count = 600;
    const dims = 3;
    const points: Points = {
      data: Float64Array.from({ length: count * dims }, () => random()),
      count,
      dims,
    };
    const clustering = cluster(points, 12, { seed: 3, maxIterations: 20, tolerance: 1e-6 });
    const sample = sampleIndices(count, 100, seededRandom(8));

    let total = 0;
    for (const i of sample) {
      const sums = new Float64Array(clustering.k);
      for (let j = 0; j < count; j++) {
        let squared = 0;
        for (let d = 0; d < dims; d++) {
          squared += (points.data[i * dims + d]! - points.data[j * dims + d]!) ** 2;
        }
        sums[clustering.assignments[j]!]! += Math.sqrt(squared);
      }
      const own = clustering.assignments[i]!;
      const a = sums[own]! / (clustering.sizes[own]! - 1);
      let b = Infinity;
      sums.forEach((sum, id) => {
        if (id !== own) b = Math.min(b, sum / clustering.sizes[id]!);
      });
      total += (b - a) / Math.max(a, b);
    }

    expect(silhouette(points, clustering, sample)).toBeCloseTo(total / sample.length, 10);
  });
});

describe("cluster", () => {
  it("when points form well-separated blobs, then finds one cluster per blob", () => {
    const points = blobs(
      30,
      [
        [0, 0],
        [5, 5],
        [10, 0],
      ],
      1,
    );

    const result = cluster(points, 3, { seed: 7, maxIterations: 50, tolerance: 1e-8 });

    expect(result.k).toBe(3);
    for (let b = 0; b < 3; b++) {
      const ids = new Set(result.assignments.slice(b * 30, (b + 1) * 30));
      expect(ids.size).toBe(1);
    }
    expect([...result.sizes]).toEqual([30, 30, 30]);
    expect(silhouette(points, result, sampleIndices(90, 90, seededRandom(1)))).toBeGreaterThan(0.9);
  });

  it("when run twice with the same seed, then assigns every point the same way", () => {
    const random = seededRandom(2);
    const points: Points = {
      data: Float64Array.from({ length: 800 }, () => random()),
      count: 400,
      dims: 2,
    };
    const settings = { seed: 42, maxIterations: 10, tolerance: 1e-6 };

    const first = cluster(points, 8, settings);
    const second = cluster(points, 8, settings);

    expect(second.assignments).toEqual(first.assignments);
    expect(second.centroids).toEqual(first.centroids);
  });

  it("when there are fewer distinct points than k, then makes one cluster per distinct point", () => {
    const result = cluster(line([1, 1, 1, 2, 2]), 4, { seed: 1, maxIterations: 10, tolerance: 0 });

    expect(result.k).toBe(2);
    expect(new Set(result.assignments).size).toBe(2);
  });

  it("when there are no points, then returns no clusters", () => {
    expect(cluster(line([]), 3, { seed: 1, maxIterations: 10, tolerance: 0 }).k).toBe(0);
  });
});

describe("kmeansPlusPlusSeeds", () => {
  it("when seeding well-separated blobs, then picks one seed in each", () => {
    const points = blobs(20, [[0], [100], [200]], 3);

    const seeds = kmeansPlusPlusSeeds(points, 3, seededRandom(5));

    expect(seeds.map((row) => Math.floor(row / 20)).sort()).toEqual([0, 1, 2]);
  });
});
