import { describe, expect, it, vi } from "vitest";
import { decodeCursor, encodeCursor } from "../common/pagination.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { createPartnershipLoaders } from "./partnership.loaders.js";
import type { MembersPageKey, MembersSlice } from "./partnership.model.js";
import type { PartnershipRepository } from "./partnership.repository.js";
import { PartnershipService } from "./partnership.service.js";

const members = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    school: { urn: 100 + i, name: `School ${String(i).padStart(2, "0")}` } as SchoolRecord,
    joinedOn: null,
  }));

/** Answers like the statement: up to first + 1 members after the key's position. */
function fakeRepository(total: number) {
  const all = members(total);
  return {
    findMembers: vi.fn(async (keys: readonly MembersPageKey[]): Promise<MembersSlice[]> =>
      keys.map((key) => ({
        total,
        members: all
          .filter((m) => key.after === null || m.school.name > key.after.name)
          .slice(0, key.first + 1),
      })),
    ),
    findByIds: vi.fn(async () => new Map()),
    findMembershipsByUrns: vi.fn(async () => new Map()),
    findFormerMembershipsByUrns: vi.fn(async () => new Map()),
    findLeadersByIds: vi.fn(async () => new Map()),
  };
}

function serviceOver(total: number) {
  const repository = fakeRepository(total);
  const loaders = createPartnershipLoaders(repository as unknown as PartnershipRepository);
  return { repository, service: new PartnershipService(loaders) };
}

describe("PartnershipService.members", () => {
  it("when many partnerships' members are asked for in one tick, then one statement fetches all pages", async () => {
    const { service, repository } = serviceOver(15);
    const ids = Array.from({ length: 40 }, (_, i) => `gias-${i}`);
    const pages = await Promise.all([
      ...ids.map((id) => service.members(id, 10, null)),
      service.members("gias-0", 5, null),
    ]);
    expect(repository.findMembers).toHaveBeenCalledTimes(1);
    expect(repository.findMembers.mock.calls[0]?.[0]).toHaveLength(41);
    expect(pages[0]?.edges).toHaveLength(10);
    expect(pages[40]?.edges).toHaveLength(5);
  });

  it("when a partnership has more members than the page, then the page says so and gives the total", async () => {
    const { service } = serviceOver(15);
    const page = await service.members("gias-1", 10, undefined);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(15);
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ name: "School 09", urn: 109 });
  });

  it("when the next page is asked for with the end cursor, then it holds the remaining members", async () => {
    const { service } = serviceOver(15);
    const after = encodeCursor({ name: "School 09", urn: 109 });
    const page = await service.members("gias-1", 10, after);
    expect(page.edges.map((edge) => edge.node.school.urn)).toEqual([110, 111, 112, 113, 114]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it("when first is out of range or the cursor is malformed, then nothing is fetched", async () => {
    const { service, repository } = serviceOver(3);
    expect(() => service.members("gias-1", 0, null)).toThrow(/first/);
    expect(() => service.members("gias-1", 10, "!!")).toThrow(/after/);
    expect(repository.findMembers).not.toHaveBeenCalled();
  });
});

describe("PartnershipService.byId", () => {
  it("when the id is empty or absurdly long, then it is unknown without a lookup", async () => {
    const { service, repository } = serviceOver(0);
    expect(await service.byId("")).toBeNull();
    expect(await service.byId("x".repeat(500))).toBeNull();
    expect(repository.findByIds).not.toHaveBeenCalled();
  });
});
