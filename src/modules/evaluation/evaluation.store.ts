/**
 * The evaluation snapshot (every school's series and family, every membership), read once per
 * process and shared by every request, with the national baseline and each answer memoised
 * beside it. Before each use the store reads the data version (current FamilyRun, counts of
 * schools and memberships, memberships ended, latest joining date, when sources were last loaded: a few
 * milliseconds); when it differs, the snapshot is read again and the memo dropped.
 */
import type { ImpactDataVersion, ImpactSnapshot } from "./evaluation.model.js";
import type { ImpactSource } from "./evaluation.repository.js";
import { IMPACT_MEASURES } from "./evaluation.model.js";
import { buildBaseline, type ImpactBaseline } from "./impact.js";

export class PreparedImpactSnapshot {
  readonly baseline: ImpactBaseline;
  private readonly memo = new Map<string, unknown>();

  constructor(readonly snapshot: ImpactSnapshot) {
    this.baseline = buildBaseline(snapshot.schools, IMPACT_MEASURES);
  }

  /** `compute()` once per key for the life of this snapshot. */
  memoize<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }
}

export class ImpactDataStore {
  private key: string | null = null;
  private prepared: Promise<PreparedImpactSnapshot> | null = null;

  constructor(private readonly source: ImpactSource) {}

  async current(): Promise<PreparedImpactSnapshot> {
    const version: ImpactDataVersion = await this.source.findDataVersion();
    const key = JSON.stringify(version);
    if (this.prepared === null || key !== this.key) {
      this.key = key;
      const loading = this.source
        .loadSnapshot(version)
        .then((snapshot) => new PreparedImpactSnapshot(snapshot));
      this.prepared = loading;
      // A failed read is not cached: the next request tries again.
      loading.catch(() => {
        if (this.prepared === loading) {
          this.prepared = null;
          this.key = null;
        }
      });
    }
    return this.prepared;
  }
}
