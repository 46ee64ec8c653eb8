import { describe, expect, it, vi } from "vitest";
import { manualDataVersions } from "../../db/data-version.fixture.js";
import type { FamilyRunStamp } from "./family.model.js";
import { profile } from "./profile.fixture.js";
import { SimilarityIndex, type SimilaritySource } from "./similarity-index.js";

const RUN_1: FamilyRunStamp = { version: 1, createdAt: "2025-01-01T00:00:00.000Z" };
const RUN_2: FamilyRunStamp = { version: 2, createdAt: "2025-02-01T00:00:00.000Z" };

/** A source whose schools and current run a test can change, counting the reads. */
function fakeSource() {
  const state = {
    run: RUN_1 as FamilyRunStamp | null,
    urns: [1, 2, 3],
    down: false,
  };
  const source = {
    findCurrentRun: vi.fn(async () => {
      if (state.down) throw new Error("database unavailable");
      return state.run;
    }),
    findProfiles: vi.fn(async () => {
      if (state.down) throw new Error("database unavailable");
      return state.urns.map((urn) => profile({ urn, pupils: urn * 100 }));
    }),
  } satisfies SimilaritySource;
  return { state, source };
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Lets background checks and rebuilds (promise chains) run to completion. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("SimilarityIndex", () => {
  it("when first used, then builds once, even for callers arriving together", async () => {
    const { source } = fakeSource();
    const holder = new SimilarityIndex(source);

    const [a, b] = await Promise.all([holder.current(), holder.current()]);

    expect(a).toBe(b);
    expect(a.index.size).toBe(3);
    expect(a.run).toEqual(RUN_1);
    expect(source.findProfiles).toHaveBeenCalledTimes(1);
  });

  it("when the database is down, then use fails, nothing is kept, and the next use retries", async () => {
    const { state, source } = fakeSource();
    const holder = new SimilarityIndex(source);
    state.down = true;

    await expect(holder.current()).rejects.toThrow("database unavailable");
    state.down = false;

    expect((await holder.current()).index.size).toBe(3);
  });

  it("when warmed up while the database is down, then start-up carries on and use builds later", async () => {
    const { state, source } = fakeSource();
    const logger = { info: vi.fn(), warn: vi.fn() };
    const holder = new SimilarityIndex(source, { logger });
    state.down = true;

    holder.warmUp();
    await settle();
    state.down = false;

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect((await holder.current()).index.size).toBe(3);
  });

  it("when refreshed, then reads the graph again and serves the new snapshot", async () => {
    const { state, source } = fakeSource();
    const holder = new SimilarityIndex(source);
    await holder.current();
    state.urns = [1, 2, 3, 4];

    await holder.refresh();

    expect((await holder.current()).index.size).toBe(4);
  });

  it("when another process makes a newer run current, then the next check after the interval reloads in the background", async () => {
    const { state, source } = fakeSource();
    const clock = manualClock();
    const holder = new SimilarityIndex(source, { checkIntervalMs: 30_000, now: clock.now });
    const first = await holder.current();
    state.run = RUN_2;
    state.urns = [1, 2, 3, 4, 5];

    clock.advance(29_000);
    await holder.current();
    await settle();
    expect(source.findCurrentRun).toHaveBeenCalledTimes(1);

    clock.advance(2_000);
    const during = await holder.current();
    await settle();
    const after = await holder.current();

    expect(during).toBe(first);
    expect(after.run).toEqual(RUN_2);
    expect(after.index.size).toBe(5);
  });

  it("when the current run is unchanged, then a check costs one small read and no rebuild", async () => {
    const { source } = fakeSource();
    const clock = manualClock();
    const holder = new SimilarityIndex(source, { checkIntervalMs: 30_000, now: clock.now });
    await holder.current();

    clock.advance(31_000);
    await holder.current();
    await settle();

    expect(source.findCurrentRun).toHaveBeenCalledTimes(2);
    expect(source.findProfiles).toHaveBeenCalledTimes(1);
  });

  it("when the newest run is deleted and the previous made current again, then that counts as a change", async () => {
    const { state, source } = fakeSource();
    const clock = manualClock();
    state.run = RUN_2;
    const holder = new SimilarityIndex(source, { checkIntervalMs: 1_000, now: clock.now });
    await holder.current();
    state.run = RUN_1;

    clock.advance(1_000);
    await holder.current();
    await settle();

    expect((await holder.current()).run).toEqual(RUN_1);
  });

  it("when a check fails, then the old snapshot keeps serving", async () => {
    const { state, source } = fakeSource();
    const clock = manualClock();
    const logger = { info: vi.fn(), warn: vi.fn() };
    const holder = new SimilarityIndex(source, { checkIntervalMs: 1_000, now: clock.now, logger });
    const first = await holder.current();
    state.down = true;

    clock.advance(1_000);
    await holder.current();
    await settle();

    expect(await holder.current()).toBe(first);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.anything(),
      expect.stringContaining("could not check"),
    );
  });
});

describe("SimilarityIndex with the data version", () => {
  /** An index over `source` that checks the version `v` at most every second of `clock`. */
  function indexWith(source: SimilaritySource, v = manualDataVersions()) {
    const clock = manualClock();
    const holder = new SimilarityIndex(source, {
      checkIntervalMs: 1_000,
      now: clock.now,
      versions: v.versions,
    });
    return { holder, clock, v };
  }

  it("when another process changes memberships, then the next check rebuilds the index in the background", async () => {
    const { state, source } = fakeSource();
    const { holder, clock, v } = indexWith(source);
    const first = await holder.current();
    state.urns = [1, 2, 3, 4];
    v.write("proposals", "memberships", "audit");

    clock.advance(1_000);
    expect(await holder.current()).toBe(first);
    await settle();
    expect((await holder.current()).index.size).toBe(4);
  });

  it("when only areas the index does not hold change, then it is not rebuilt", async () => {
    const { source } = fakeSource();
    const { holder, clock, v } = indexWith(source);
    await holder.current();
    v.write("proposals", "audit");
    v.write("engagements", "offers");

    clock.advance(1_000);
    await holder.current();
    await settle();
    await holder.catchUp();
    expect(source.findProfiles).toHaveBeenCalledTimes(1);
  });

  it("when it checks, then it asks only the data version, not the graph, and a run made current is a change to the similarity area", async () => {
    const { source } = fakeSource();
    const { holder, clock, v } = indexWith(source);
    await holder.current();
    const runReads = vi.mocked(source.findCurrentRun).mock.calls.length;

    clock.advance(1_000);
    await holder.current();
    await settle();
    expect(source.findCurrentRun).toHaveBeenCalledTimes(runReads);
    expect(source.findProfiles).toHaveBeenCalledTimes(1);

    v.write("similarity");
    clock.advance(1_000);
    await holder.current();
    await settle();
    expect(source.findProfiles).toHaveBeenCalledTimes(2);
  });

  it("when a request must see a membership (catchUp), then it waits for the rebuild", async () => {
    const { state, source } = fakeSource();
    const { holder, v } = indexWith(source);
    await holder.current();
    state.urns = [1, 2, 3, 4, 5];
    v.write("memberships");

    await holder.catchUp();
    expect((await holder.current()).index.size).toBe(5);
  });
});
