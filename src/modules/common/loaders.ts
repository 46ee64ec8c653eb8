import DataLoader from "dataloader";

/** Keys per statement; large enough that a page of 100 schools is one batch. */
const MAX_BATCH_SIZE = 500;

/** A value now, or one still being read. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * A per-request DataLoader over a repository method that returns a map from key to value.
 * DataLoader expects one result per key in key order; a key the graph does not hold gets
 * `missing()` (null for lookups, an empty list for lists), never an error.
 *
 * It also holds what it has read or been primed with, so `get` answers a key it holds at once,
 * without a promise: GraphQL then completes the field in the same pass instead of waiting on a
 * promise per object, which on a page of a hundred schools is most of the work.
 */
export class KeyedLoader<K, V> extends DataLoader<K, V> {
  private readonly held: Map<K, V>;

  constructor(fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>, missing: () => V) {
    const held = new Map<K, V>();
    super(
      async (keys) => {
        const found = await fetch(keys);
        return keys.map((key) => {
          const value = found.get(key) ?? missing();
          held.set(key, value);
          return value;
        });
      },
      { maxBatchSize: MAX_BATCH_SIZE },
    );
    this.held = held;
  }

  /** The value for `key`: at once when read or primed before, else through a batch. */
  get(key: K): MaybePromise<V> {
    return this.held.has(key) ? (this.held.get(key) as V) : this.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    const settled = !(value instanceof Error) && !isPromiseLike(value);
    if (settled && !this.held.has(key)) this.held.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
  missing: () => V,
): KeyedLoader<K, V> {
  return new KeyedLoader(fetch, missing);
}
