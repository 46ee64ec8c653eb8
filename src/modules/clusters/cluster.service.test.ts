import { describe, expect, it, vi } from "vitest";
import { ANONYMOUS, type Principal } from "../../auth/principal.js";
import type { Logger } from "../../logger.js";
import { createClusterLoaders } from "./cluster.loaders.js";
import type { AdoptClustersRequest, ClusterCandidates } from "./cluster.model.js";
import type { ClusterRepository } from "./cluster.repository.js";
import { ClusterService } from "./cluster.service.js";
import { ClusterProposalStore } from "./cluster.store.js";

function fakeRepository(candidates: ClusterCandidates | null = null) {
  return {
    /** The process's data version, as createApp shares it between stores. */
    dataVersions: {
      get: vi.fn(async () => ({ epoch: "e", version: 1, areas: {}, today: "2026-12-06" })),
    },
    candidates: vi.fn(async () => candidates),
    localAuthority: vi.fn(async () => ({
      code: 838,
      name: "Dorset",
      gssCode: null,
      regionCode: "E12000009",
    })),
    adopt: vi.fn(async () => ({ boardId: "svc-b", clusterIds: ["svc-c"], auditEventId: "e" })),
    findLinks: vi.fn(async (ids: readonly string[]) => {
      return new Map(ids.map((id) => [id, { overseenById: `board-of-${id}`, overseesIds: [] }]));
    }),
    findBoards: vi.fn(async () => new Map()),
  };
}

/** Dorset's schools 1 to 4, none banded; 1, 2 and 3 are a little apart, 4 has no location. */
function dorsetCandidates(): ClusterCandidates {
  const candidate = (urn: number) => ({
    school: {
      urn,
      name: `S${urn}`,
      phase: "PRIMARY",
      town: null,
      pupils: null,
      location:
        urn === 4
          ? null
          : { latitude: 50 + urn / 100, longitude: -2, precision: null, sourceId: null },
    },
    needBand: null,
  });
  return {
    localAuthority: { code: 838, name: "Dorset", gssCode: null, regionCode: "E12000009" },
    schools: [1, 2, 3, 4].map(candidate),
  } as unknown as ClusterCandidates;
}

function serviceFor(principal: Principal, repository = fakeRepository()) {
  const logger = { info: vi.fn() } as unknown as Logger;
  const repo = repository as unknown as ClusterRepository;
  return {
    repository,
    logger,
    service: new ClusterService(
      repo,
      createClusterLoaders(repo),
      new ClusterProposalStore(repo, repository.dataVersions),
      principal,
      "req-1",
      logger,
    ),
  };
}

const oversightOf = (regionCode: string): Principal => ({
  role: "OVERSIGHT",
  sub: "o",
  regionCodes: [regionCode],
});

const REQUEST: AdoptClustersRequest = {
  localAuthorityCode: 838,
  board: { name: "Board", chair: { name: "Chair", organisation: null }, members: [] },
  clusters: [{ name: "One", urns: [1, 2] }],
};

describe("ClusterService.adopt", () => {
  it("when a school or anonymous caller adopts, then it is refused before anything is read", async () => {
    for (const principal of [ANONYMOUS, { role: "SCHOOL", sub: "s", urn: 1 } as const]) {
      const { service, repository } = serviceFor(principal);
      await expect(service.adopt(REQUEST)).rejects.toMatchObject({
        extensions: { code: principal.role === "SCHOOL" ? "FORBIDDEN" : "UNAUTHENTICATED" },
      });
      expect(repository.localAuthority).not.toHaveBeenCalled();
      expect(repository.adopt).not.toHaveBeenCalled();
    }
  });

  it("when oversight of another region adopts, then FORBIDDEN and nothing is written", async () => {
    const { service, repository } = serviceFor(oversightOf("E12000007"));
    await expect(service.adopt(REQUEST)).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    expect(repository.adopt).not.toHaveBeenCalled();
  });

  it("when oversight of the LA's region adopts, then the write gets fresh service ids", async () => {
    const { service, repository } = serviceFor(oversightOf("E12000009"));
    await service.adopt(REQUEST);
    const [plan, urns] = repository.adopt.mock.calls[0] as unknown as [
      { board: { id: string }; clusters: { id: string }[] },
      number[],
    ];
    expect(plan.board.id).toMatch(/^svc-/);
    expect(plan.clusters[0]?.id).toMatch(/^svc-/);
    expect(plan.clusters[0]?.id).not.toBe(plan.board.id);
    expect(urns).toEqual([1, 2]);
  });
});

describe("ClusterService.propose", () => {
  it("when targetSize is out of range, then nothing is read", async () => {
    const { service, repository } = serviceFor(ANONYMOUS);
    await expect(
      service.propose({ localAuthorityCode: 838, targetSize: 41 }),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "targetSize" } });
    expect(repository.dataVersions.get).not.toHaveBeenCalled();
    expect(repository.candidates).not.toHaveBeenCalled();
  });

  it("when the LA is unknown, then NOT_FOUND names localAuthorityCode", async () => {
    const { service } = serviceFor(ANONYMOUS);
    await expect(service.propose({ localAuthorityCode: 999 })).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND", argument: "localAuthorityCode" },
    });
  });

  it("when some schools have no location, then they are left out and counted in a log line", async () => {
    const { service, logger } = serviceFor(ANONYMOUS, fakeRepository(dorsetCandidates()));
    const proposals = await service.propose({ localAuthorityCode: 838 });
    expect(proposals.flatMap((p) => p.schools.map((s) => s.urn))).toEqual([1, 2, 3]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ unplacedSchools: 1, urns: [4] }),
      expect.any(String),
    );
  });

  it("when two requests share the process's store, then the second reads only the data version and still logs the unplaced school", async () => {
    const repository = fakeRepository(dorsetCandidates());
    const repo = repository as unknown as ClusterRepository;
    const store = new ClusterProposalStore(repo, repository.dataVersions);
    const logger = { info: vi.fn() } as unknown as Logger;
    const request = () =>
      new ClusterService(repo, createClusterLoaders(repo), store, ANONYMOUS, "req", logger);

    const first = await request().propose({ localAuthorityCode: 838, targetSize: 3 });
    const second = await request().propose({ localAuthorityCode: 838, targetSize: 3 });

    expect(second).toEqual(first);
    expect(repository.dataVersions.get).toHaveBeenCalledTimes(2);
    expect(repository.candidates).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledTimes(2);
  });
});

describe("board links", () => {
  it("when many partnerships' boards are asked for in one tick, then one statement reads them", async () => {
    const { service, repository } = serviceFor(ANONYMOUS);
    const ids = Array.from({ length: 30 }, (_, i) => `svc-${i}`);
    const boards = await Promise.all(ids.map((id) => service.overseenById(id)));
    expect(repository.findLinks).toHaveBeenCalledTimes(1);
    expect(boards[3]).toBe("board-of-svc-3");
  });
});
