/**
 * What in-memory stores share: a value read once per data version, and a memo of what is
 * computed from it. Each store decides what its version is and how it loads.
 */

/** Values computed once per key for as long as the memo lives (one data version). */
export class Memo {
  private readonly values = new Map<string, unknown>();

  /** `compute()` once per key for the life of this memo. */
  memoize<T>(key: string, compute: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}

/**
 * One value held for the data version it was loaded under and shared by everyone asking while
 * that version is current, including requests that arrive while it is still loading.
 */
export class VersionedValue<T> {
  private key: string | null = null;
  private value: Promise<T> | null = null;

  /**
   * The value for `key`, loaded by `load` when nothing is held for it; `load` is handed what was
   * held before (for stores that can update it rather than read everything again). A failed load
   * is not kept: the next request tries again.
   */
  get(key: string, load: (previous: Promise<T> | null) => Promise<T>): Promise<T> {
    if (this.value !== null && key === this.key) return this.value;
    const loading = load(this.value);
    this.key = key;
    this.value = loading;
    loading.catch(() => {
      if (this.value === loading) this.clear();
    });
    return loading;
  }

  clear(): void {
    this.key = null;
    this.value = null;
  }
}

/**
 * A data version read from the database at most once per `freshness.maxAgeMs`, and again at once
 * after any write made through this process's gateway (`freshness.writes()` counts them): what this process wrote is
 * seen by its next request, a write by another process (a replica, a seed run) within `maxAgeMs`.
 * With `maxAgeMs` 0 every use reads it. Requests arriving while a read is under way share it; a
 * failed read is not kept.
 */
export class FreshVersion<V> {
  private last: { at: number; writes: number; version: Promise<V>; settled: boolean } | null = null;

  constructor(
    private readonly read: () => Promise<V>,
    private readonly freshness: Freshness = EVERY_USE,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(): Promise<V> {
    const writes = this.freshness.writes();
    const last = this.last;
    if (
      last &&
      last.writes === writes &&
      (!last.settled || this.now() - last.at < this.freshness.maxAgeMs)
    ) {
      return last.version;
    }
    const version = this.read();
    const held = { at: this.now(), writes, version, settled: false };
    this.last = held;
    version.then(
      () => {
        held.settled = true;
      },
      () => {
        if (this.last === held) this.last = null;
      },
    );
    return version;
  }

  /**
   * Holds what `read` gives from now on: a reading known to be at least as new as any held (one
   * made at a client's bookmarks), so the stores catch up with it without waiting out the age.
   */
  async catchUp(read: () => Promise<V>): Promise<V> {
    const version = read();
    await version;
    this.last = { at: this.now(), writes: this.freshness.writes(), version, settled: true };
    return version;
  }
}

/** How fresh a store keeps its data version: see FreshVersion. */
export interface Freshness {
  writes: () => number;
  maxAgeMs: number;
}

/** Read the version on every use. */
const EVERY_USE: Freshness = { writes: () => 0, maxAgeMs: 0 };
