/**
 * Small numeric helpers shared by scaling, clustering and matching. They work on array-likes so
 * typed-array columns can be passed without copying.
 */

/**
 * The `p` quantile of values sorted ascending, interpolating linearly between order statistics
 * (Hyndman and Fan type 7, the default of R and NumPy) so figures can be checked in either.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of an empty list");
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** The median of the values, or null for an empty list. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/** Population standard deviation; 0 for fewer than two values. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (values[i] as number) - mean;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / n);
}

/**
 * A seeded generator of numbers in [0, 1) (mulberry32). Families and samples must come out the
 * same for the same seed and data, so nothing here may use Math.random.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` distinct indices from 0..n-1 in ascending order, drawn with a seeded partial
 * Fisher-Yates shuffle; all of them when `size >= n`.
 */
export function sampleIndices(n: number, size: number, random: () => number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const take = Math.min(size, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i] as number;
    all[i] = all[j] as number;
    all[j] = swap;
  }
  return all.slice(0, take).sort();
}
