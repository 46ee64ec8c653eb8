/**
 * The 2025/26 picture on the loaded data: inspections exactly as Ofsted's August 2025 file gives
 * them, the 2023 local authorities, conversions carrying their predecessors' years, trusts as at
 * 2025. Examples are drawn from the bundled files, not written in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readTextFile } from "../../seed/csv/text.js";
import { parseCsv } from "../../seed/csv/table.js";
import { DATASETS, dataFile } from "../../seed/datasets.js";
import {
  OFSTED_2025_COLUMNS,
  parseOfsted2025,
  type Ofsted2025School,
} from "../../seed/sources/ofsted2025.js";
import {
  LocalAuthoritySchoolsDocument,
  SchoolInspectionDocument,
  SchoolSeriesDocument,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";
import { queryNumbers } from "../helpers/writes.js";

const api = useApi();

let ofsted: Map<number, Ofsted2025School>;

beforeAll(() => {
  const [file] = DATASETS.ofsted2025.files;
  const table = parseCsv(readTextFile(dataFile(file)), file, { required: OFSTED_2025_COLUMNS });
  ofsted = parseOfsted2025(table, DATASETS.ofsted2025.id).records;
});

/** Every n-th URN, so the sample spreads across the country and is the same on every run. */
function sample<T extends { urn: number }>(items: T[], size: number): T[] {
  const sorted = [...items].sort((a, b) => a.urn - b.urn);
  const step = Math.max(1, Math.floor(sorted.length / size));
  return sorted.filter((_, index) => index % step === 0).slice(0, size);
}

const cypher = (text: string, params?: Record<string, unknown>) =>
  queryNumbers(api().db, text, params);

describe("inspections as at 31 August 2025", () => {
  it("when a school was inspected in 2024/25, then its latest inspection's date and key judgements are exactly the file's", async () => {
    const inspected2024To25 = [...ofsted.values()].flatMap((school) => {
      const graded = school.inspections.find(
        (i) => i.kind === "GRADED" && i.id === school.inspections[0]?.id,
      );
      return graded && graded.date >= "2024-09-01" && graded.date <= "2025-08-31"
        ? [{ urn: school.urn, graded }]
        : [];
    });
    expect(inspected2024To25.length).toBeGreaterThan(3000);

    for (const { urn, graded } of sample(inspected2024To25, 25)) {
      const { school } = dataOf(await api().execute(SchoolInspectionDocument, { urn }));
      expect(school?.ofsted, `URN ${urn}`).toMatchObject({
        inspectedOn: graded.date,
        inspectionType: graded.type,
        overall: graded.overall,
        qualityOfEducation: graded.qualityOfEducation,
        behaviourAndAttitudes: graded.behaviourAndAttitudes,
        personalDevelopment: graded.personalDevelopment,
        leadershipAndManagement: graded.leadershipAndManagement,
        earlyYears: graded.earlyYears,
        sixthForm: graded.sixthForm,
        safeguardingEffective: graded.safeguardingEffective,
        categoryOfConcern: graded.categoryOfConcern,
        source: { id: "ofsted-mi-2025-08-31", period: "2025-08-31" },
      });
      // From September 2024 there is no overall grade: the headline is the lowest key judgement.
      if (graded.overall === null) {
        expect(school?.ofsted?.gradeBasis).toBe("LOWEST_KEY_JUDGEMENT");
        expect(school?.ofsted?.grade).toBe(
          Math.max(
            ...[
              graded.qualityOfEducation,
              graded.behaviourAndAttitudes,
              graded.personalDevelopment,
              graded.leadershipAndManagement,
            ].filter((g): g is number => g !== null),
          ),
        );
      }
      expect(school?.ofstedHistory[0]).toMatchObject({ inspectedOn: graded.date });
    }
  });

  it("when a school has a previous graded inspection and an ungraded one, then the history holds all three, newest first", async () => {
    const withAll = [...ofsted.values()].filter(
      (school) =>
        school.inspections.some((i) => i.kind === "UNGRADED") &&
        school.inspections.filter((i) => i.kind === "GRADED").length === 2,
    );
    for (const expected of sample(withAll, 5)) {
      const { school } = dataOf(
        await api().execute(SchoolInspectionDocument, { urn: expected.urn }),
      );
      const dates = school?.ofstedHistory.map((i) => `${i.kind}:${i.inspectedOn}`) ?? [];
      for (const inspection of expected.inspections) {
        expect(dates, `URN ${expected.urn}`).toContain(`${inspection.kind}:${inspection.date}`);
      }
      const ordered = [...(school?.ofstedHistory ?? [])].map((i) => i.inspectedOn);
      expect(ordered).toEqual([...ordered].sort().reverse());
      const ungraded = expected.inspections.find((i) => i.kind === "UNGRADED");
      expect(school?.ofstedHistory).toContainEqual(
        expect.objectContaining({ kind: "UNGRADED", outcome: ungraded?.outcome }),
      );
    }
  });
});

describe("the 2023 local authorities", () => {
  it("when asked for Cumberland and Westmorland and Furness, then they hold Cumbria's open schools and Cumbria (909) holds none", async () => {
    const listed = (code: number) =>
      [...ofsted.values()].filter((school) => school.laCode === code).length;
    const cumberland = dataOf(await api().execute(LocalAuthoritySchoolsDocument, { code: 942 }));
    const westmorland = dataOf(await api().execute(LocalAuthoritySchoolsDocument, { code: 943 }));
    const cumbria = dataOf(await api().execute(LocalAuthoritySchoolsDocument, { code: 909 }));

    expect(cumberland.localAuthority?.schools.totalCount).toBeGreaterThanOrEqual(listed(942));
    expect(westmorland.localAuthority?.schools.totalCount).toBeGreaterThanOrEqual(listed(943));
    expect(listed(942)).toBeGreaterThan(100);
    expect(listed(909)).toBe(0);
    expect(cumbria.localAuthority).toMatchObject({
      code: 909,
      closedOn: "2023-03-31",
      successors: [{ code: 942 }, { code: 943 }],
      schools: { totalCount: 0 },
    });
  });
});

describe("conversions and trusts", () => {
  it("when a school opened since the census succeeds one with KS2 results, then it carries the predecessor's years and census figures", async () => {
    const rows = await cypher(
      `MATCH (p:Establishment)-[:SUCCEEDED_BY]->(s:School {newSinceCensus: true})
       WHERE NOT p:School AND p.ks2RwmSeriesYears IS NOT NULL AND p.fsmPercent IS NOT NULL
       RETURN s.urn AS urn, p.urn AS predecessor ORDER BY s.urn LIMIT 3`,
    );
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const urn = row["urn"] as number;
      const predecessor = row["predecessor"] as number;
      const { school } = dataOf(await api().execute(SchoolSeriesDocument, { urn }));
      expect(school?.newSinceCensus).toBe(true);
      expect(school?.predecessors.map((p) => p.urn)).toContain(predecessor);
      expect(school?.ks2History.some((year) => year.urn === predecessor)).toBe(true);
      expect(school?.fsmPercent).not.toBeNull();
      expect(school?.contextFromUrn).not.toBeNull();
    }
  });

  it("when a secondary has 2023/24 results, then KS4 is 2023/24 with its interval and 2018/19 stays as history", async () => {
    const rows = await cypher(
      `MATCH (s:School) WHERE s.ks4Year = "2023/24" AND size(s.ks4SeriesYears) = 2
       RETURN s.urn AS urn ORDER BY s.urn LIMIT 1`,
    );
    const { school } = dataOf(
      await api().execute(SchoolSeriesDocument, { urn: rows[0]?.["urn"] as number }),
    );
    expect(school?.ks4).toMatchObject({ year: "2023/24", source: { id: "dfe-ks4-2023-24" } });
    expect(school?.ks4?.progress8Lower).toBeLessThanOrEqual(school?.ks4?.progress8 ?? NaN);
    expect(school?.ks4?.progress8Upper).toBeGreaterThanOrEqual(school?.ks4?.progress8 ?? NaN);
    expect(school?.ks4History.map((year) => year.year)).toEqual(["2018/19", "2023/24"]);
  });

  it("when a school moved trust by 2025, then its trust is the Ofsted file's and the old one is a former membership", async () => {
    const moved = [...ofsted.values()].filter((school) => school.multiAcademyTrustUid !== null);
    const rows = await cypher(
      `MATCH (s:School)-[m:WAS_MEMBER_OF]->(p:Partnership)
       WHERE m.reason = "Moved to another multi-academy trust" AND s.urn IN $urns
       RETURN s.urn AS urn, p.id AS former ORDER BY s.urn LIMIT 3`,
      { urns: moved.map((school) => school.urn) },
    );
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const urn = row["urn"] as number;
      const { school } = dataOf(await api().execute(SchoolSeriesDocument, { urn }));
      const trust = `gias-${ofsted.get(urn)?.multiAcademyTrustUid}`;
      expect(school?.memberships.map((m) => m.partnership.id)).toContain(trust);
      expect(school?.memberships.map((m) => m.partnership.id)).not.toContain(row["former"]);
      expect(school?.formerMemberships).toContainEqual(
        expect.objectContaining({
          partnership: { id: row["former"] },
          leftBy: "2025-08-31",
          endedReason: "Moved to another multi-academy trust",
        }),
      );
    }
  });

  it("when a trust's head of group is named by GIAS 2026, then the name carries that extract's date and source", async () => {
    const [row] = await cypher(
      `MATCH (:Leader)-[:LEADS {source: $source}]->(p:Partnership)
       RETURN p.id AS id ORDER BY p.id LIMIT 1`,
      { source: DATASETS.groups2026.id },
    );
    const data = dataOf(
      await api().executeText(
        `query ($id: ID!) { partnership(id: $id) { leaders { name role asOf source { id } } } }`,
        { id: row?.["id"] },
      ),
    ) as { partnership: { leaders: { name: string; asOf: string; source: { id: string } }[] } };

    expect(data.partnership.leaders.length).toBeGreaterThan(0);
    for (const leader of data.partnership.leaders) {
      expect(leader).toMatchObject({
        asOf: DATASETS.groups2026.period,
        source: { id: DATASETS.groups2026.id },
      });
      expect(leader.name.length).toBeGreaterThan(0);
    }
  });
});
