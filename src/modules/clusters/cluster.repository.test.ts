import { describe, expect, it } from "vitest";
import type { Database } from "../../db/driver.js";
import type { AdoptionPlan } from "./cluster.model.js";
import { ClusterRepository } from "./cluster.repository.js";

const PLAN: AdoptionPlan = {
  localAuthorityCode: 838,
  regionCode: "E12000009",
  board: {
    id: "svc-board",
    name: "Board",
    chair: { id: "svc-chair", name: "Chair", organisation: null },
    members: [],
  },
  clusters: [{ id: "svc-cluster", name: "One", urns: [1, 2] }],
};

const ORIGIN = {
  actor: { sub: "admin-1", role: "ADMIN" as const },
  requestId: "req-1",
};

/** A database whose write transaction answers each statement from `answers`, recording names. */
function fakeDatabase(answers: Record<string, Record<string, unknown>[]>) {
  const ran: string[] = [];
  const db = {
    writeTransaction: async <T>(
      work: (run: (name: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
    ) =>
      work(async (name) => {
        ran.push(name);
        return answers[name] ?? [];
      }),
  };
  return { ran, db: db as unknown as Database };
}

const schools = [
  { urn: 1, name: "One", laCode: 838, open: true, clusterIds: [] },
  { urn: 2, name: "Two", laCode: 838, open: true, clusterIds: [] },
];

describe("ClusterRepository.adopt", () => {
  it("when the board statement makes nothing (a collaboration model is missing), then it throws before the audit event", async () => {
    const { ran, db } = fakeDatabase({
      "clusters/lockLocalAuthorityClusters": [{ code: 838 }],
      "clusters/findAdoptionSchools": schools,
      "clusters/createBoard": [],
      "clusters/createClusters": [],
    });

    await expect(
      new ClusterRepository(db).adopt(PLAN, [1, 2], () => undefined, ORIGIN),
    ).rejects.toThrow(/rolled back/);
    expect(ran).not.toContain("audit/recordAuditEvent");
  });

  it("when a cluster gets fewer members than it names, then it throws before the audit event", async () => {
    const { ran, db } = fakeDatabase({
      "clusters/lockLocalAuthorityClusters": [{ code: 838 }],
      "clusters/findAdoptionSchools": schools,
      "clusters/createBoard": [{ id: "svc-board" }],
      "clusters/createClusters": [{ id: "svc-cluster", members: 1 }],
    });

    await expect(
      new ClusterRepository(db).adopt(PLAN, [1, 2], () => undefined, ORIGIN),
    ).rejects.toThrow("1 of 2 members of svc-cluster");
    expect(ran).not.toContain("audit/recordAuditEvent");
  });

  it("when every write lands, then the audit event is recorded", async () => {
    const { ran, db } = fakeDatabase({
      "clusters/lockLocalAuthorityClusters": [{ code: 838 }],
      "clusters/findAdoptionSchools": schools,
      "clusters/createBoard": [{ id: "svc-board" }],
      "clusters/createClusters": [{ id: "svc-cluster", members: 2 }],
    });

    const adopted = await new ClusterRepository(db).adopt(PLAN, [1, 2], () => undefined, ORIGIN);

    expect(adopted.boardId).toBe("svc-board");
    expect(ran).toEqual([
      "clusters/lockLocalAuthorityClusters",
      "clusters/findAdoptionSchools",
      "clusters/createBoard",
      "clusters/createClusters",
      "audit/recordAuditEvent",
    ]);
  });
});
