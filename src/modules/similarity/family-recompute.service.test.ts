import { describe, expect, it, vi } from "vitest";
import type { Principal } from "../../auth/principal.js";
import type { FamilyRunRecord } from "./family.model.js";
import { profile } from "./profile.fixture.js";
import { FAMILY_FEATURES_VERSION } from "./features.js";
import { FamilyRecomputeService, type RecomputeStore } from "./family-recompute.service.js";

const ADMIN: Principal = { role: "ADMIN", sub: "admin-1" };

function memoryStore(options: { slow?: boolean } = {}) {
  const calls: string[] = [];
  const store = {
    findProfiles: vi.fn(async () => {
      calls.push("findProfiles");
      if (options.slow) await new Promise((resolve) => setTimeout(resolve, 20));
      return Array.from({ length: 12 }, (_, i) => profile({ urn: i + 1, fsmPercent: i * 5 }));
    }),
    findCurrentRun: vi.fn(async () => ({
      version: 3,
      createdAt: "2025-01-01T00:00:00.000Z",
      featuresVersion: FAMILY_FEATURES_VERSION,
    })),
    saveRun: vi.fn(async () => {
      calls.push("saveRun");
      return 4;
    }),
    markCurrent: vi.fn(async () => {
      calls.push("markCurrent");
      return true;
    }),
    findRunsByVersions: vi.fn(
      async (versions: readonly number[]) =>
        new Map(
          versions.map((version) => [
            version,
            { version, seed: 7, targetSize: 10 } as unknown as FamilyRunRecord,
          ]),
        ),
    ),
    recordRecompute: vi.fn(async () => {
      calls.push("recordRecompute");
    }),
  } satisfies RecomputeStore;
  const index = {
    refresh: vi.fn(async () => {
      calls.push("refresh");
    }),
  };
  return { store, index, calls };
}

describe("FamilyRecomputeService", () => {
  it("when an admin recomputes, then the run is written, made current, audited and the index refreshed", async () => {
    const { store, index, calls } = memoryStore();
    const service = new FamilyRecomputeService(store, index, ADMIN, "req-1");

    const run = await service.recompute(10, 7);

    expect(run.version).toBe(4);
    expect(calls).toEqual(["findProfiles", "saveRun", "markCurrent", "recordRecompute", "refresh"]);
    expect(store.recordRecompute).toHaveBeenCalledWith(
      {
        version: 3,
        createdAt: "2025-01-01T00:00:00.000Z",
        featuresVersion: FAMILY_FEATURES_VERSION,
      },
      run,
      { actor: { sub: "admin-1", role: "ADMIN" }, requestId: "req-1" },
    );
  });

  it("when a school asks, then FORBIDDEN and nothing is read", async () => {
    const { store, index } = memoryStore();
    const service = new FamilyRecomputeService(
      store,
      index,
      { role: "SCHOOL", sub: "s", urn: 1 },
      "req-2",
    );

    await expect(service.recompute(null, null)).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    expect(store.findProfiles).not.toHaveBeenCalled();
  });

  it.each([
    [5, null, "targetSize"],
    [501, null, "targetSize"],
    [null, -1, "seed"],
    [null, 1.5, "seed"],
  ])(
    "when targetSize %s and seed %s, then BAD_USER_INPUT names %s",
    async (targetSize, seed, argument) => {
      const { store, index } = memoryStore();
      const service = new FamilyRecomputeService(store, index, ADMIN, "req-3");

      await expect(service.recompute(targetSize, seed)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", argument },
      });
      expect(store.saveRun).not.toHaveBeenCalled();
    },
  );

  it("when a recompute is already running, then a second one is refused with CONFLICT", async () => {
    const { store, index } = memoryStore({ slow: true });
    const service = new FamilyRecomputeService(store, index, ADMIN, "req-4");

    const first = service.recompute(10, 1);
    const second = service.recompute(10, 1);

    await expect(second).rejects.toMatchObject({ extensions: { code: "CONFLICT" } });
    await expect(first).resolves.toMatchObject({ version: 4 });
    expect(store.saveRun).toHaveBeenCalledTimes(1);
  });
});
