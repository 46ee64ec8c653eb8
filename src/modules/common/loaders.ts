import DataLoader from "dataloader";

/** Keys per statement; large enough that a page of 100 schools is one batch. */
const MAX_BATCH_SIZE = 500;

/**
 * A per-request DataLoader over a repository method that returns a map from key to value.
 * DataLoader expects one result per key in key order; a key the graph does not hold gets
 * `missing()` (null for lookups, an empty list for lists), never an error.
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
  missing: () => V,
): DataLoader<K, V> {
  return new DataLoader<K, V>(
    async (keys) => {
      const found = await fetch(keys);
      return keys.map((key) => found.get(key) ?? missing());
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}
