import { describe, expect, it, vi } from "vitest";
import type { SchoolRecord } from "../schools/school.model.js";
import type { DataVersion } from "../../db/data-version.js";
import type { ClusterCandidates } from "./cluster.model.js";
import { ClusterProposalStore, type ClusterDataSource } from "./cluster.store.js";

const KM_LAT = 1 / 111.195;

function candidate(urn: number, northKm: number | null, needBand: number | null = null) {
  const school = {
    urn,
    name: `School ${urn}`,
    phase: "PRIMARY",
    town: null,
    pupils: null,
    location:
      northKm === null
        ? null
        : { latitude: 50 + northKm * KM_LAT, longitude: -2, precision: null, sourceId: null },
  } as unknown as SchoolRecord;
  return { school, needBand };
}

/**
 * Dorset (838) and Devon (878), each with six located schools in a line and one without a
 * location; 999 is no LA.
 */
const VERSION: DataVersion = { epoch: "e", version: 7, areas: {}, today: "2026-12-06" };

function fakeSource() {
  let version = VERSION;
  const candidatesOf = (code: number, name: string): ClusterCandidates => ({
    localAuthority: { code, name, gssCode: null, regionCode: "E12000009" },
    schools: [
      ...[0, 1, 2, 10, 11, 12].map((km, i) => candidate(100 + i, km, i % 2 === 0 ? 1 : 4)),
      candidate(200, null),
    ],
  });
  const las = new Map([
    [838, candidatesOf(838, "Dorset")],
    [878, candidatesOf(878, "Devon")],
  ]);
  const source = {
    candidates: vi.fn(async (laCode: number) => las.get(laCode) ?? null),
  } satisfies ClusterDataSource;
  const versions = { get: vi.fn(async () => version) };
  return {
    source,
    versions,
    setVersion: (next: Partial<DataVersion>) => {
      version = { ...version, ...next };
    },
  };
}

const AT_3 = { targetSize: 3, mixPhases: true };

describe("ClusterProposalStore", () => {
  it("when the same LA and parameters are asked for under the same version, then the held proposals are returned without reading candidates", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions);

    const first = await store.proposals(838, AT_3);
    const second = await store.proposals(838, AT_3);

    expect(versions.get).toHaveBeenCalledTimes(2);
    expect(source.candidates).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(first?.proposals).toHaveLength(2);
    expect(first?.unplacedUrns).toEqual([200]);
  });

  it("when the LA's data version changes, then the proposals are built again from fresh candidates", async () => {
    const { source, versions, setVersion } = fakeSource();
    const store = new ClusterProposalStore(source, versions);
    const before = await store.proposals(838, AT_3);

    setVersion({ version: 8, areas: { offers: 8 } });
    const after = await store.proposals(838, AT_3);
    await store.proposals(838, AT_3);

    expect(source.candidates).toHaveBeenCalledTimes(2);
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
    expect(store.size).toBe(1);
  });

  it("when other parameters are asked for, then each parameter set is built and held on its own, from candidates read once", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions);

    const small = await store.proposals(838, AT_3);
    const large = await store.proposals(838, { targetSize: 6, mixPhases: true });
    const unmixedPhases = await store.proposals(838, { targetSize: 3, mixPhases: false });

    expect(await store.proposals(838, AT_3)).toBe(small);
    expect(source.candidates).toHaveBeenCalledTimes(1);
    const school100 = (set: typeof small) =>
      set?.proposals.flatMap((p) => p.schools).find((school) => school.urn === 100);
    expect(school100(large)).toBe(school100(small));
    expect(small?.proposals).toHaveLength(2);
    expect(large?.proposals).toHaveLength(1);
    expect(unmixedPhases?.proposals[0]?.phaseGroup).toBe("primary");
    expect(store.size).toBe(3);
  });

  it("when more parameter sets are asked for than it holds, then the least recently used is dropped", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions, 2);
    const at = (targetSize: number) => store.proposals(838, { targetSize, mixPhases: true });

    const three = await at(3);
    const four = await at(4);
    await at(3); // 3 is now the most recently used
    const five = await at(5); // drops 4
    expect(store.size).toBe(2);

    expect(await at(3)).toBe(three);
    expect(await at(5)).toBe(five);
    const fourAgain = await at(4); // built again, dropping 3
    expect(fourAgain).not.toBe(four);
    expect(fourAgain).toEqual(four);
    expect(await at(5)).toBe(five);
    expect(await at(3)).not.toBe(three);
    expect(store.size).toBe(2);
  });

  it("when an LA's last parameter set is dropped, then its candidates go too and are read again when asked for", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions, 1);

    await store.proposals(838, AT_3);
    await store.proposals(878, AT_3); // drops Dorset's only set
    await store.proposals(838, { targetSize: 4, mixPhases: true });

    expect(source.candidates.mock.calls.map(([laCode]) => laCode)).toEqual([838, 878, 838]);
  });

  it("when the same proposals are asked for twice at once, then they are built once", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions);

    const [a, b] = await Promise.all([store.proposals(838, AT_3), store.proposals(838, AT_3)]);

    expect(source.candidates).toHaveBeenCalledTimes(1);
    expect(b).toBe(a);
  });

  it("when no LA has the code, then null and nothing is held", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions);

    expect(await store.proposals(999, AT_3)).toBeNull();
    expect(await store.proposals(999, AT_3)).toBeNull();
    expect(source.candidates).toHaveBeenCalledTimes(2);
    expect(store.size).toBe(0);
  });

  it("when reading the candidates fails, then the failure is not held and the next request reads again", async () => {
    const { source, versions } = fakeSource();
    const store = new ClusterProposalStore(source, versions);
    source.candidates.mockRejectedValueOnce(new Error("database unavailable"));

    await expect(store.proposals(838, AT_3)).rejects.toThrow("database unavailable");
    expect(store.size).toBe(0);
    expect((await store.proposals(838, AT_3))?.proposals).toHaveLength(2);
    expect(source.candidates).toHaveBeenCalledTimes(2);
  });
});
