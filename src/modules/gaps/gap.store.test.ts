import { describe, expect, it } from "vitest";
import type { DataVersion, SnapshotEngagement, SupportSnapshot } from "./gap.model.js";
import type { SnapshotSource } from "./gap.repository.js";
import { SupportDataStore } from "./gap.store.js";
import { fixtureLeader, fixtureSchool, fixtureSnapshot } from "./support.fixture.js";

/** A source whose data the test changes, counting how often each part is read. */
class CountingSource implements SnapshotSource {
  loads = 0;
  engagementLoads = 0;
  engagements: SnapshotEngagement[] = [];
  memberships = 0;

  async findDataVersion(): Promise<DataVersion> {
    return {
      ...fixtureSnapshot([], []).version,
      engagements: this.engagements.length,
      openEngagements: this.engagements.filter((e) => e.open).length,
      memberships: this.memberships,
    };
  }

  async loadSnapshot(version: DataVersion): Promise<SupportSnapshot> {
    this.loads += 1;
    return {
      ...fixtureSnapshot(
        [fixtureSchool({ urn: 1, needBand: 2 })],
        [fixtureLeader({ id: "a", capacity: 2 })],
        [...this.engagements],
      ),
      version,
    };
  }

  async loadEngagements(): Promise<SnapshotEngagement[]> {
    this.engagementLoads += 1;
    return [...this.engagements];
  }
}

describe("SupportDataStore", () => {
  it("when the data version is unchanged, then the snapshot and what was computed from it are reused", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source);

    const first = await store.current();
    const gaps = first.gaps();
    const second = await store.current();

    expect(source.loads).toBe(1);
    expect(second).toBe(first);
    expect(second.gaps()).toBe(gaps);
  });

  it("when only an engagement is recorded, then only engagements are read again and the indexes are kept", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source);
    const before = await store.current();

    source.engagements = [{ systemLeaderId: "a", urn: 1, open: true }];
    const after = await store.current();

    expect([source.loads, source.engagementLoads]).toEqual([1, 1]);
    expect(after).not.toBe(before);
    expect(after.index).toBe(before.index);
    expect(after.supportedUrns.has(1)).toBe(true);
    expect(after.snapshot.leaders[0]?.openEngagements).toBe(1);
  });

  it("when anything else changes (a membership), then the whole snapshot is read again", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source);
    await store.current();

    source.memberships = 1;
    await store.current();

    expect(source.loads).toBe(2);
  });

  it("when several requests arrive together, then the snapshot is read once", async () => {
    const source = new CountingSource();
    const store = new SupportDataStore(source);

    await Promise.all([store.current(), store.current(), store.current()]);

    expect(source.loads).toBe(1);
  });

  it("when a read fails, then the next request tries again", async () => {
    const source = new CountingSource();
    const load = source.loadSnapshot.bind(source);
    source.loadSnapshot = () => Promise.reject(new Error("down"));
    const store = new SupportDataStore(source);

    await expect(store.current()).rejects.toThrow("down");
    source.loadSnapshot = load;

    await expect(store.current()).resolves.toBeDefined();
  });
});
