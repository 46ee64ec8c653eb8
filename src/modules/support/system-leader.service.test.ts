import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Principal } from "../../auth/principal.js";
import type { GapService } from "./gap.service.js";
import type { SystemLeaderLoaders } from "./system-leader.loaders.js";
import type { SupportEngagementRecord } from "./system-leader.model.js";
import type { SystemLeaderRepository } from "./system-leader.repository.js";
import { readableEngagements, SystemLeaderService } from "./system-leader.service.js";

function engagement(overrides: Partial<SupportEngagementRecord>): SupportEngagementRecord {
  return {
    id: "e1",
    systemLeaderId: "leader-a",
    urn: 100,
    listedForUrn: null,
    regionCode: "E12000009",
    start: "2025-09-01",
    end: null,
    focus: "Reading",
    outcome: null,
    open: true,
    ...overrides,
  };
}

// leader-a supports 100 (South West, open) and 200 (North East, closed); leader-b supports 100.
const ENGAGEMENTS = [
  engagement({ id: "a-100" }),
  engagement({ id: "a-200", urn: 200, regionCode: "E12000001", end: "2025-10-01", open: false }),
  engagement({ id: "b-100", systemLeaderId: "leader-b" }),
];

const PRINCIPALS: [string, Principal, string[]][] = [
  ["ANONYMOUS", ANONYMOUS, []],
  ["SCHOOL 100", { role: "SCHOOL", sub: "s", urn: 100 }, ["a-100", "b-100"]],
  ["SCHOOL 300", { role: "SCHOOL", sub: "s", urn: 300 }, []],
  [
    "SYSTEM_LEADER leader-a",
    { role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-a" },
    ["a-100", "a-200"],
  ],
  ["SYSTEM_LEADER leader-c", { role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-c" }, []],
  ["OVERSIGHT North East", { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000001"] }, ["a-200"]],
  ["OVERSIGHT London", { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000007"] }, []],
  ["ADMIN", { role: "ADMIN", sub: "a" }, ["a-100", "a-200", "b-100"]],
];

describe("readableEngagements", () => {
  it.each(PRINCIPALS)("when %s reads the list, then it keeps %j", (_, principal, ids) => {
    expect(readableEngagements(principal, ENGAGEMENTS).map((e) => e.id)).toEqual(ids);
  });

  it("when the supported school's region is unknown, then oversight sees nothing of it", () => {
    const principal: Principal = { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000009"] };

    expect(readableEngagements(principal, [engagement({ regionCode: null })])).toEqual([]);
  });
});

describe("readableEngagements of a school that replaced a closed one", () => {
  // School 400 (South West) replaced 300, which closed; 300's engagement is listed under 400.
  const history = engagement({ id: "a-300", urn: 300, listedForUrn: 400, open: false });
  const own = engagement({ id: "a-400", urn: 400, listedForUrn: 400 });

  it.each<[string, Principal, string[]]>([
    ["SCHOOL 400", { role: "SCHOOL", sub: "s", urn: 400 }, ["a-300", "a-400"]],
    ["SCHOOL 300", { role: "SCHOOL", sub: "s", urn: 300 }, ["a-300"]],
    ["SCHOOL 100", { role: "SCHOOL", sub: "s", urn: 100 }, []],
    [
      "OVERSIGHT South West",
      { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000009"] },
      ["a-300", "a-400"],
    ],
    ["OVERSIGHT London", { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000007"] }, []],
    ["ADMIN", { role: "ADMIN", sub: "a" }, ["a-300", "a-400"]],
  ])("when %s reads the successor's list, then it keeps %j", (_, principal, ids) => {
    expect(readableEngagements(principal, [history, own]).map((e) => e.id)).toEqual(ids);
  });

  it("when the same engagement is read from the leader's list, then the successor's school does not see it", () => {
    const fromLeader = { ...history, listedForUrn: null };

    expect(readableEngagements({ role: "SCHOOL", sub: "s", urn: 400 }, [fromLeader])).toEqual([]);
  });
});

describe("SystemLeaderService engagement lists", () => {
  function service(principal: Principal): SystemLeaderService {
    const byLeader = (id: string) => ENGAGEMENTS.filter((e) => e.systemLeaderId === id);
    const bySchool = (urn: number) => ENGAGEMENTS.filter((e) => e.urn === urn);
    const loaders = {
      engagementsByLeaderId: { load: async (id: string) => byLeader(id) },
      engagementsBySchoolUrn: { load: async (urn: number) => bySchool(urn) },
    } as unknown as SystemLeaderLoaders;
    return new SystemLeaderService(
      {} as SystemLeaderRepository,
      loaders,
      {} as GapService,
      principal,
    );
  }

  it("when a leader reads its own open engagements, then the closed one is left out too", async () => {
    const own = service({ role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-a" });

    expect((await own.engagements("leader-a", true)).map((e) => e.id)).toEqual(["a-100"]);
    expect((await own.engagements("leader-a", false)).map((e) => e.id)).toEqual(["a-100", "a-200"]);
    expect(await own.engagements("leader-b", false)).toEqual([]);
  });

  it("when a school's engagements are read, then only callers who may read them see them", async () => {
    const school = service({ role: "SCHOOL", sub: "s", urn: 100 });

    expect((await school.engagementsOfSchool(100)).map((e) => e.id)).toEqual(["a-100", "b-100"]);
    expect(await school.engagementsOfSchool(200)).toEqual([]);
    expect(await service(ANONYMOUS).engagementsOfSchool(100)).toEqual([]);
  });
});
