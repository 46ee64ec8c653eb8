import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Principal } from "../../auth/principal.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import { recognitionEngagement } from "./recognition.fixtures.js";
import type { RecognitionData, RecognitionEngagement, YearPair } from "./recognition.model.js";
import { RULE_VERSION } from "./recognition.rules.js";
import { RecognitionService, type RecognitionStore } from "./recognition.service.js";

const TODAY = "2026-11-22";
const ADMIN: Principal = { role: "ADMIN", sub: "admin" };

function engagement(overrides: Partial<RecognitionEngagement> = {}): RecognitionEngagement {
  return recognitionEngagement({
    start: "2022-10-01",
    end: "2023-06-30",
    ks2: { years: ["2018/19", "2022/23", "2023/24"], values: [52, 48, 55] },
    ...overrides,
  });
}

/** A store answering from plain objects, remembering the year pairs it was asked about. */
function store(data: Partial<RecognitionData>, changes: Record<string, number> = {}) {
  const asked: YearPair[][] = [];
  const fake: RecognitionStore = {
    engagements: async () => ({
      regionKnown: true,
      regionName: "North East",
      engagements: [],
      ...data,
    }),
    nationalChanges: async (pairs) => {
      asked.push([...pairs]);
      return new Map(Object.entries(changes));
    },
  };
  return { fake, asked };
}

describe("RecognitionService.supportRecognition", () => {
  it("when no engagements are recorded, then the lists are empty and the note says so", async () => {
    const { fake } = store({});

    const result = await new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      "E12000001",
      null,
    );

    expect(result).toMatchObject({
      rule: { version: RULE_VERSION },
      regionCode: "E12000001",
      leaders: [],
      schools: [],
      engagementsConsidered: 0,
      engagementsCounted: 0,
    });
    expect(result.note).toContain(
      "No support engagements are recorded for schools in North East (E12000001)",
    );
  });

  it("when engagements exist but none counts, then the note says none meets the rule", async () => {
    const { fake } = store({ engagements: [engagement({ needBand: 4 })] });

    const result = await new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      null,
      5,
    );

    expect(result.leaders).toEqual([]);
    expect(result.note).toContain(
      "None of the 1 support engagements for schools in England meets the rule",
    );
  });

  it("when an outcome is measurable, then the national change of its years is read once and used", async () => {
    const { fake, asked } = store(
      { engagements: [engagement(), engagement({ id: "e2", urn: 101 })] },
      { "2018/19|2023/24": -4.68 },
    );

    const result = await new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      null,
      null,
    );

    expect(asked).toEqual([[{ before: "2018/19", after: "2023/24" }]]);
    // Each: +3 against -4.68 is +7.68, factor 1.768 to the nearest 0.25 = 1.75; 2 × 1.5 × 8 × 1.75 = 42.
    expect(result.leaders[0]).toMatchObject({ points: 84, engagementsCounted: 2 });
    expect(result.note).toBeNull();
  });

  it("when no counted outcome is measurable, then the note says every factor is 1", async () => {
    const { fake } = store({ engagements: [engagement({ ks2: null })] });

    const result = await new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      null,
      null,
    );

    expect(result.note).toContain("every outcome factor shown is 1");
  });

  it("when only a leader beyond `first` has a measured outcome, then the note does not say none has", async () => {
    // leader-a: 24 months, unmeasured, 2 × 1.5 × 24 = 72; leader-b: 2 × 1.5 × 8 × 1.75 = 42.
    const { fake } = store(
      {
        engagements: [
          engagement({ ks2: null, start: "2021-06-01", end: "2023-06-01" }),
          engagement({ id: "e2", systemLeaderId: "leader-b", urn: 101 }),
        ],
      },
      { "2018/19|2023/24": -4.68 },
    );

    const result = await new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      null,
      1,
    );

    expect(result.leaders.map((leader) => [leader.systemLeaderId, leader.points])).toEqual([
      ["leader-a", 72],
    ]);
    expect(result.note).toBeNull();
  });

  it("when the region is unknown, then NOT_FOUND names regionCode", async () => {
    const { fake } = store({ regionKnown: false });

    const failure = new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      "E12000099",
      null,
    );

    await expect(failure).rejects.toBeInstanceOf(NotFoundError);
    await expect(failure).rejects.toMatchObject({ extensions: { argument: "regionCode" } });
  });

  it.each([0, 51, 2.5])("when first is %s, then BAD_USER_INPUT names first", async (first) => {
    const { fake } = store({});

    const failure = new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition(
      null,
      first,
    );

    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({ extensions: { argument: "first" } });
  });

  it("when the region code is malformed, then BAD_USER_INPUT names regionCode", async () => {
    const { fake } = store({});

    await expect(
      new RecognitionService(fake, ADMIN, () => TODAY).supportRecognition("north-east", null),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "regionCode" } });
  });
});

describe("RecognitionService: who sees the school supported", () => {
  // leader-a supports 100 (North East) and 200 (South West); both count.
  const engagements = [engagement(), engagement({ id: "e2", urn: 200, regionCode: "E12000009" })];
  const principals: [string, Principal, number[]][] = [
    ["ANONYMOUS", ANONYMOUS, []],
    ["SCHOOL 100", { role: "SCHOOL", sub: "s", urn: 100 }, [100]],
    ["SCHOOL 900, the leader's base", { role: "SCHOOL", sub: "s", urn: 900 }, []],
    [
      "SYSTEM_LEADER leader-a",
      { role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-a" },
      [100, 200],
    ],
    ["SYSTEM_LEADER leader-b", { role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-b" }, []],
    ["OVERSIGHT South West", { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000009"] }, [200]],
    ["OVERSIGHT London", { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000007"] }, []],
    ["ADMIN", ADMIN, [100, 200]],
  ];

  it.each(principals)(
    "when %s asks, then it sees schools %j, the same points, and contributions adding up to the total",
    async (_, principal, shown) => {
      const { fake } = store({ engagements }, { "2018/19|2023/24": -4.68 });

      const result = await new RecognitionService(fake, principal, () => TODAY).supportRecognition(
        null,
        null,
      );

      const [leader] = result.leaders;
      expect(leader).toMatchObject({ systemLeaderId: "leader-a", points: 84, rank: 1 });
      expect(result.schools).toEqual([
        { rank: 1, urn: 900, points: 84, systemLeaderIds: ["leader-a"] },
      ]);
      expect(leader!.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(84);
      const visible = leader!.contributions.flatMap((c) => (c.urn === null ? [] : [c.urn]));
      expect(visible.sort()).toEqual(shown);
      for (const c of leader!.contributions) {
        // The same factor and points whether the school is shown or not.
        expect(c).toMatchObject({
          needBand: 1,
          idaciDecile: 1,
          months: 8,
          outcomeFactor: 1.75,
          points: 42,
        });
        expect(c.schoolWithheld).toBe(c.urn === null);
        if (c.schoolWithheld) {
          expect([c.fsmPercent, c.outcome, c.start, c.end]).toEqual([null, null, null, null]);
        } else {
          expect(c).toMatchObject({ start: "2022-10-01" });
          expect(c.outcome).toMatchObject({ beforeYear: "2018/19", schoolChange: 3 });
        }
      }
    },
  );

  it("when only some schools are shown, then the contributions come in the same order with the same points for every caller", async () => {
    // e1 (school 100): +3 against -4.68, factor 1.75, 2 × 1.5 × 8 × 1.75 = 42. e2 (school 200):
    // -2 against -4.68 is +2.68, 1.268 to the nearest 0.25 = 1.25, 2 × 1.5 × 8 × 1.25 = 30,
    // shown to oversight of its region. 42 + 30 = 72.
    const { fake } = store(
      {
        engagements: [
          engagement(),
          engagement({
            id: "e2",
            urn: 200,
            regionCode: "E12000009",
            ks2: { years: ["2018/19", "2023/24"], values: [52, 50] },
          }),
        ],
      },
      { "2018/19|2023/24": -4.68 },
    );
    const oversight: Principal = { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000009"] };

    const results = await Promise.all(
      [ADMIN, oversight, ANONYMOUS].map((principal) =>
        new RecognitionService(fake, principal, () => TODAY).supportRecognition(null, null),
      ),
    );

    for (const result of results) {
      const [leader] = result.leaders;
      expect(leader!.points).toBe(72);
      expect(leader!.contributions.map((c) => [c.engagementId, c.outcomeFactor, c.points])).toEqual(
        [
          ["e1", 1.75, 42],
          ["e2", 1.25, 30],
        ],
      );
    }
    expect(results.map((r) => r.leaders[0]!.contributions.map((c) => c.schoolWithheld))).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
  });
});
