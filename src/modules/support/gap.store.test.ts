import { describe, expect, it } from "vitest";
import type { DataVersion } from "../../db/data-version.js";
import type { SnapshotEngagement, SupportSnapshot } from "./gap.model.js";
import type { SnapshotSource } from "./gap.repository.js";
import { SupportDataStore } from "./gap.store.js";
import { fixtureLeader, fixtureSchool, fixtureSnapshot } from "./support.fixture.js";

/**
 * A source whose data the test changes, counting how often each part is read, and the graph's
 * data version, moved on by each change with the area (cypher/ folder) the write came from.
 */
class CountingSource implements SnapshotSource {
  loads = 0;
  engagementLoads = 0;
  engagements: SnapshotEngagement[] = [];
  memberships = 0;
  version: DataVersion = { epoch: "e", version: 1, areas: { seed: 1 }, today: "2026-12-06" };
  readonly versions = { get: async () => this.version };

  write(area: string): void {
    const next = this.version.version + 1;
    this.version = {
      ...this.version,
      version: next,
      areas: { ...this.version.areas, [area]: next },
    };
  }

  async loadSnapshot(): Promise<SupportSnapshot> {
    this.loads += 1;
    return fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 2 })],
      [fixtureLeader({ id: "a", capacity: 2 })],
      [...this.engagements],
    );
  }

  async loadEngagements(): Promise<SnapshotEngagement[]> {
    this.engagementLoads += 1;
    return [...this.engagements];
  }
}

describe("SupportDataStore", () => {
  it("when the data version is unchanged, then the snapshot and what was computed from it are reused", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source, source.versions);

    const first = await store.current();
    const gaps = first.gaps();
    const second = await store.current();

    expect(source.loads).toBe(1);
    expect(second).toBe(first);
    expect(second.gaps()).toBe(gaps);
  });

  it("when only an engagement is recorded, then only engagements are read again and the indexes are kept", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source, source.versions);
    const before = await store.current();

    source.engagements = [{ systemLeaderId: "a", urn: 1, open: true }];
    source.write("engagements");
    const after = await store.current();

    expect([source.loads, source.engagementLoads]).toEqual([1, 1]);
    expect(after).not.toBe(before);
    expect(after.index).toBe(before.index);
    expect(after.supportedUrns.has(1)).toBe(true);
    expect(after.snapshot.leaders[0]?.openEngagements).toBe(1);
  });

  it("when anything else changes (a membership), then the whole snapshot is read again", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source, source.versions);
    await store.current();

    source.memberships = 1;
    source.write("proposals");
    await store.current();

    expect(source.loads).toBe(2);
  });

  it("when a system leader is designated, or the day changes, then the whole snapshot is read again", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source, source.versions);
    await store.current();

    source.write("system-leaders");
    await store.current();
    source.version = { ...source.version, today: "2026-12-07" };
    await store.current();

    expect([source.loads, source.engagementLoads]).toEqual([3, 0]);
  });

  it("when several requests arrive together, then the snapshot is read once", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source, source.versions);

    await Promise.all([store.current(), store.current(), store.current()]);

    expect(source.loads).toBe(1);
  });

  it("when a read fails, then the next request tries again", async () => {
    const source = new CountingSource();
    const load = source.loadSnapshot.bind(source);
    source.loadSnapshot = () => Promise.reject(new Error("down"));
    const store = new SupportDataStore(source, source.versions);

    await expect(store.current()).rejects.toThrow("down");
    source.loadSnapshot = load;

    await expect(store.current()).resolves.toBeDefined();
  });
});
