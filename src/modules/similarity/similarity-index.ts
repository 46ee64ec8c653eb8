/**
 * The process-wide FeatureIndex behind similar schools and partner matching. It is built from one
 * read of every school's profile, so requests are answered from memory rather than by scanning
 * the graph, and it is rebuilt when the figures may have changed: after a families run, which is
 * how new data is rolled out.
 */
import {
  areasChanged,
  dataVersionKey,
  type DataVersion,
  type DataVersions,
} from "../../db/data-version.js";
import type { Logger } from "../../logger.js";
import { FeatureIndex } from "./feature-index.js";
import type { FamilyRunStamp } from "./family.model.js";
import type { SchoolProfile } from "./similarity.model.js";

/** Where the index is built from; SimilarityRepository in the application. */
export interface SimilaritySource {
  findProfiles(): Promise<SchoolProfile[]>;
  findCurrentRun(): Promise<FamilyRunStamp | null>;
}

export interface SimilaritySnapshot {
  index: FeatureIndex;
  /** The current families run when the index was built; null when there was none. */
  run: FamilyRunStamp | null;
  /** Epoch milliseconds. */
  builtAt: number;
  /** The graph's data version read before the profiles; null without `versions`. */
  version: DataVersion | null;
}

export interface SimilarityIndexOptions {
  logger?: Pick<Logger, "info" | "warn">;
  /** How often at most to ask the graph whether another run has been made current. */
  checkIntervalMs?: number;
  /** Milliseconds on a monotonic clock; tests pass their own. */
  now?: () => number;
  /**
   * The graph's data version: when given, a write to what the index holds (INDEX_AREAS:
   * memberships, figures, runs) is noticed at the next check as a newer run is.
   */
  versions?: DataVersions;
}

/** Data-version areas whose writes change what the index holds. */
const INDEX_AREAS = new Set(["similarity", "seed", "data", "memberships"]);

function holdsChanged(held: DataVersion | null, now: DataVersion): boolean {
  if (held === null || dataVersionKey(held) === dataVersionKey(now)) return false;
  const changed = areasChanged(held, now);
  return changed === null || changed.some((area) => INDEX_AREAS.has(area));
}

/** About one cheap query per process every 30 s while requests come in; none when idle. */
export const DEFAULT_CHECK_INTERVAL_MS = 30_000;

const silent: Pick<Logger, "info" | "warn"> = { info: () => {}, warn: () => {} };

function sameRun(a: FamilyRunStamp | null, b: FamilyRunStamp | null): boolean {
  return a?.version === b?.version && a?.createdAt === b?.createdAt;
}

/**
 * Holds the current snapshot of the index.
 *
 * - It is built on first use (or earlier, by `warmUp`), and a failed build is not kept: while the
 *   database is down each use fails (SERVICE_UNAVAILABLE) and the next one tries again.
 * - `refresh()` rebuilds it now, for a recompute made in this process.
 * - A run made current by another process (`npm run families`) is noticed by comparing the current
 *   run with the snapshot's, at most every `checkIntervalMs` and only when the index is used. The
 *   check and the reload happen in the background: requests keep the old snapshot until the new
 *   one is complete, so none waits on a reload.
 */
export class SimilarityIndex {
  private snapshot: SimilaritySnapshot | null = null;
  private building: Promise<SimilaritySnapshot> | null = null;
  private checking = false;
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  private readonly logger: Pick<Logger, "info" | "warn">;
  private readonly checkIntervalMs: number;
  private readonly now: () => number;
  private readonly versions: DataVersions | null;

  constructor(
    private readonly source: SimilaritySource,
    options: SimilarityIndexOptions = {},
  ) {
    this.logger = options.logger ?? silent;
    this.checkIntervalMs = options.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.versions = options.versions ?? null;
  }

  /** The snapshot to answer from; builds it on first use. */
  async current(): Promise<SimilaritySnapshot> {
    const snapshot = this.snapshot;
    if (!snapshot) return this.build();
    this.checkForNewerRun(snapshot);
    return snapshot;
  }

  /**
   * Checks for a newer families run now and, when there is one, waits for the rebuild: for a
   * request that must see a write (a bookmark sent back) rather than the next background check.
   */
  async catchUp(): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    if (await this.outdated(snapshot)) await this.refresh();
  }

  /**
   * Rebuilds from the graph now. A build already under way may have read the figures before
   * they changed, so this waits for it and builds again.
   */
  async refresh(): Promise<SimilaritySnapshot> {
    await this.building?.catch(() => undefined);
    return this.build();
  }

  /** Starts building without waiting for it, so the first request does not pay for the build. */
  warmUp(): void {
    this.build().catch(() => {
      // Logged by build; the first use will try again.
    });
  }

  private build(): Promise<SimilaritySnapshot> {
    this.building ??= this.load().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async load(): Promise<SimilaritySnapshot> {
    const started = this.now();
    try {
      // The version and the run are read before the figures: a snapshot never claims either
      // newer than its figures.
      const version = this.versions ? await this.versions.get() : null;
      const run = await this.source.findCurrentRun();
      const index = new FeatureIndex(await this.source.findProfiles());
      const snapshot: SimilaritySnapshot = { index, run, builtAt: Date.now(), version };
      this.snapshot = snapshot;
      this.lastCheckAt = this.now();
      this.logger.info(
        {
          schools: index.size,
          familyRunVersion: run?.version ?? null,
          durationMs: Math.round(this.now() - started),
        },
        "similarity index built",
      );
      return snapshot;
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? { name: error.name, message: error.message } : error },
        "could not build the similarity index; the next use will retry",
      );
      throw error;
    }
  }

  /**
   * True when the data version says what the index holds changed (a families run made current
   * writes the similarity area); without the data version, when another run is current.
   */
  private async outdated(snapshot: SimilaritySnapshot): Promise<boolean> {
    if (this.versions) {
      return (
        holdsChanged(snapshot.version, await this.versions.get()) && this.snapshot === snapshot
      );
    }
    const run = await this.source.findCurrentRun();
    return !sameRun(run, snapshot.run) && this.snapshot === snapshot;
  }

  private checkForNewerRun(snapshot: SimilaritySnapshot): void {
    if (this.building || this.checking || this.now() - this.lastCheckAt < this.checkIntervalMs) {
      return;
    }
    this.checking = true;
    this.lastCheckAt = this.now();
    void (async () => {
      let outdated: boolean;
      try {
        outdated = await this.outdated(snapshot);
      } catch (error) {
        this.logger.warn(
          { err: error instanceof Error ? { name: error.name, message: error.message } : error },
          "could not check for a newer families run or data; will check again later",
        );
        return;
      } finally {
        this.checking = false;
      }
      if (!outdated) return;
      this.logger.info(
        { familyRunVersion: snapshot.run?.version ?? null },
        "families run, memberships or figures changed; rebuilding the similarity index",
      );
      // The old snapshot keeps serving meanwhile; a failed build is logged and retried at the
      // next check.
      await this.build().catch(() => undefined);
    })();
  }
}
