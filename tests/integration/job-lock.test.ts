/**
 * Batch jobs' locks in the graph: one holder at a time across processes, a waiting holder runs
 * once the first is done, and a lease left by a dead process runs out.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { withJobLock } from "../../src/db/job-lock.js";
import { ConflictError } from "../../src/errors/index.js";
import { useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";

const api = useApi();
const PREFIX = `test-job-${randomUUID().slice(0, 8)}`;
let n = 0;
const jobName = () => `${PREFIX}-${(n += 1)}`;

afterAll(async () => {
  await query(api().db, "MATCH (l:JobLock) WHERE l.job STARTS WITH $prefix DELETE l", {
    prefix: PREFIX,
  });
});

/** A job that runs until the test lets it finish. */
function heldJob() {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  return {
    work: async () => {
      started();
      await finished;
      return "first";
    },
    running,
    finish,
  };
}

describe("withJobLock", () => {
  it("when another process holds the lock, then a second run is refused with CONFLICT naming it, and runs once it is released", async () => {
    const job = jobName();
    const first = heldJob();
    const firstRun = withJobLock(api().db, job, first.work);
    await first.running;

    const second = withJobLock(api().db, job, async () => "second");
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(withJobLock(api().db, job, async () => "second")).rejects.toThrow(
      /being computed by another process \(.+:\d+:[0-9a-f]{8}, since \d{4}-/,
    );

    first.finish();
    await expect(firstRun).resolves.toBe("first");
    await expect(withJobLock(api().db, job, async () => "third")).resolves.toBe("third");
  });

  it("when a run may wait, then it is told who holds the lock and runs after them, never alongside", async () => {
    const job = jobName();
    const first = heldJob();
    const order: string[] = [];
    const firstRun = withJobLock(api().db, job, async () => {
      order.push("first started");
      const result = await first.work();
      order.push("first finished");
      return result;
    });
    await first.running;
    const waits: unknown[] = [];
    const secondRun = withJobLock(
      api().db,
      job,
      async () => {
        order.push("second started");
        return "second";
      },
      { onWait: (held) => waits.push(held) },
    );
    // Let the second ask at least once while the first holds the lock.
    while (waits.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    first.finish();

    await expect(Promise.all([firstRun, secondRun])).resolves.toEqual(["first", "second"]);
    expect(order).toEqual(["first started", "first finished", "second started"]);
    expect(waits[0]).toEqual({ holder: expect.any(String), since: expect.any(String) });
  });

  it("when the holder died and its lease ran out, then the next run takes the lock", async () => {
    const job = jobName();
    await query(
      api().db,
      `CREATE (:JobLock {job: $job, holder: 'dead-host:1:00000000',
         since: datetime() - duration('PT10M'), until: datetime() - duration('PT1M')})`,
      { job },
    );
    await expect(withJobLock(api().db, job, async () => "taken over")).resolves.toBe("taken over");
  });

  it("when the work fails, then the lock is released all the same", async () => {
    const job = jobName();
    await expect(
      withJobLock(api().db, job, async () => {
        throw new Error("the computation failed");
      }),
    ).rejects.toThrow("the computation failed");
    await expect(withJobLock(api().db, job, async () => "after")).resolves.toBe("after");
  });
});
