/**
 * Batch jobs that rewrite what every replica reads (families, need bands) run in one process at
 * a time, whichever replica or container starts them: each takes its job's lock in the graph
 * (cypher/jobs/) for a lease it renews while it works, and gives it up when done. A process that
 * dies leaves a lease that runs out, so the lock is never held for good.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { ConflictError } from "../errors/index.js";
import type { Database } from "./driver.js";
import { cell, key, parseRow } from "./rows.js";

/** The batch jobs that take a lock, as their errors name them. */
const JOB_LABELS: Readonly<Record<string, string>> = {
  families: "Families of similar schools are",
  "need-bands": "Need bands are",
};

/** How long a lease lasts; the holder renews it at a third of this. */
export const JOB_LEASE_MS = 60_000;
/** How often a waiting process asks again. */
const WAIT_POLL_MS = 2_000;

const LockRow = z.object({
  acquired: key.boolean,
  holder: cell.string,
  since: cell.string,
  until: cell.string,
});
type LockState = z.infer<typeof LockRow>;

export interface JobLockOptions {
  /** Wait for another holder to finish (told each time it asks) instead of refusing at once. */
  onWait?: (held: { holder: string | null; since: string | null }) => void;
  leaseMs?: number;
}

/** This process, as a lock holder names it: host, process id and a random part. */
export function lockHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `work` holding `job`'s lock. Another holder makes it wait (with `onWait`) or refuse with
 * CONFLICT naming that holder, before anything is written.
 */
export async function withJobLock<T>(
  db: Database,
  job: string,
  work: () => Promise<T>,
  options: JobLockOptions = {},
): Promise<T> {
  const holder = lockHolder();
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  const acquire = async (): Promise<LockState> =>
    parseRow(
      LockRow,
      (await db.write("jobs/acquireJobLock", { job, holder, leaseMs }))[0],
      "jobs/acquireJobLock",
    );
  let state = await acquire();
  while (!state.acquired) {
    if (!options.onWait) {
      throw new ConflictError(
        `${JOB_LABELS[job] ?? `The ${job} job is`} being computed by another process (${state.holder ?? "unknown"}, since ${state.since ?? "unknown"}); try again once it has finished.`,
      );
    }
    options.onWait({ holder: state.holder, since: state.since });
    await sleep(WAIT_POLL_MS);
    state = await acquire();
  }
  const renewal = setInterval(() => {
    acquire().catch(() => undefined);
  }, leaseMs / 3);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await db.write("jobs/releaseJobLock", { job, holder }).catch(() => undefined);
  }
}
