import { describe, expect, it } from "vitest";
import {
  SchoolByUrnDocument,
  SchoolFiguresDocument,
  SchoolPeopleAndHistoryDocument,
  SchoolsPageDocument,
  SchoolsTotalDocument,
  type SchoolsPageQuery,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const ALDGATE = 100000;
/** An academy in Southwark, a member of the Harris Federation multi-academy trust. */
const HARRIS_BERMONDSEY = 131747;

describe("school(urn)", () => {
  it("when the URN is The Aldgate School's, then its name, City of London LA and London region come back", async () => {
    const { school } = dataOf(await api().execute(SchoolByUrnDocument, { urn: ALDGATE }));

    expect(school).toMatchObject({
      urn: ALDGATE,
      name: "The Aldgate School",
      phase: "PRIMARY",
      stateFunded: true,
      postcode: "EC3A 5DE",
      rural: false,
      localAuthority: {
        code: 201,
        name: "City of London",
        region: { code: "E12000007", name: "London" },
      },
      region: { code: "E12000007" },
      memberships: [],
    });
  });

  it("when the school is an academy in a trust, then its membership names the trust and when it joined", async () => {
    const { school } = dataOf(await api().execute(SchoolByUrnDocument, { urn: HARRIS_BERMONDSEY }));

    expect(school?.name).toBe("Harris Academy Bermondsey");
    expect(school?.memberships).toEqual([
      {
        joinedOn: "2007-04-26",
        partnership: {
          id: "gias-3320",
          name: "HARRIS FEDERATION",
          type: "MULTI_ACADEMY_TRUST",
          memberCount: expect.any(Number),
        },
      },
    ]);
    expect(school?.memberships[0]?.partnership.memberCount).toBeGreaterThan(30);
  });

  it("when figures are asked for, then each carries its year and the dataset it came from", async () => {
    const { school } = dataOf(await api().execute(SchoolFiguresDocument, { urn: ALDGATE }));

    // The newest source wins: Ofsted's August 2025 file (2024/25) over the 2023 census's 271.
    expect(school?.pupils).toEqual({
      value: 249,
      year: "2024/25",
      source: {
        id: "ofsted-mi-2025-08-31",
        title: expect.stringContaining("Ofsted state-funded schools inspections"),
        publisher: "Ofsted",
        licence: "Open Government Licence v3.0",
      },
    });
    expect(school?.fsmPercent).toEqual({
      value: 18.1,
      year: "2022/23",
      source: { id: "dfe-spc-2022-23" },
    });
  });

  it("when the URN is unknown, then the school is null and there is no error", async () => {
    const result = await api().execute(SchoolByUrnDocument, { urn: 999_999_999 });

    expect(result.errors).toBeUndefined();
    expect(result.data?.school).toBeNull();
  });
});

describe("schools(filter, first, after)", () => {
  it("when walking every page of a local authority, then pages do not overlap and together match totalCount", async () => {
    const filter = { localAuthorityCode: 201 };
    const { schools: total } = dataOf(await api().execute(SchoolsTotalDocument, { filter }));

    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const { schools }: SchoolsPageQuery = dataOf(
        await api().execute(SchoolsPageDocument, { filter, first: 1, after }),
      );
      seen.push(...schools.edges.map((edge) => edge.node.urn));
      if (!schools.pageInfo.hasNextPage) break;
      after = schools.pageInfo.endCursor;
    }

    expect(seen).toContain(ALDGATE);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total.totalCount);
  });

  it("when walking the first pages of all schools, then they come in (name, urn) order without overlap", async () => {
    const first = dataOf(await api().execute(SchoolsPageDocument, { first: 100 }));
    const second = dataOf(
      await api().execute(SchoolsPageDocument, {
        first: 100,
        after: first.schools.pageInfo.endCursor,
      }),
    );
    const rows = [...first.schools.edges, ...second.schools.edges].map((edge) => edge.node);

    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.urn)).size).toBe(200);
    const ordered = [...rows].sort((a, b) =>
      a.name === b.name ? a.urn - b.urn : a.name < b.name ? -1 : 1,
    );
    expect(rows).toEqual(ordered);
  });

  it("when filtering by region, phase and funding, then every school matches and the total is counted", async () => {
    const filter = { regionCode: "E12000007", phase: "SECONDARY" as const, stateFunded: true };
    const { schools } = dataOf(await api().execute(SchoolsPageDocument, { filter, first: 50 }));
    const { schools: total } = dataOf(await api().execute(SchoolsTotalDocument, { filter }));

    expect(schools.edges.length).toBe(50);
    expect(schools.edges.every((edge) => edge.node.phase === "SECONDARY")).toBe(true);
    // London has several hundred state-funded secondaries; the count is not capped by the page.
    expect(total.totalCount).toBeGreaterThan(300);
    expect(total.totalCount).toBeLessThan(1_000);
  });

  it("when filtering by part of a name in another case, then matching ignores case", async () => {
    const { schools } = dataOf(
      await api().execute(SchoolsPageDocument, { filter: { nameContains: "ALDGATE" }, first: 10 }),
    );
    expect(schools.edges.map((edge) => edge.node.urn)).toContain(ALDGATE);
  });

  it("when first is 101, then the error is BAD_USER_INPUT and mentions first", async () => {
    const result = await api().execute(SchoolsPageDocument, { first: 101 });

    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("first");
  });

  it("when first is 0, then the error is BAD_USER_INPUT and mentions first", async () => {
    const result = await api().execute(SchoolsPageDocument, { first: 0 });
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("first");
  });

  it("when the cursor is malformed, then the error is BAD_USER_INPUT and mentions after", async () => {
    const result = await api().execute(SchoolsPageDocument, { after: "not-a-cursor" });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "after",
    });
    expect(result.errors?.[0]?.message).toContain("after");
  });

  it("when the region code is malformed, then the error names the filter field", async () => {
    const result = await api().execute(SchoolsPageDocument, { filter: { regionCode: "London" } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "filter.regionCode",
    });
  });

  it("when totalCount is not selected, then no count statement runs", async () => {
    api().db.resetStatementCount();
    await api().executeText("{ schools(first: 5) { edges { node { urn } } } }");
    const withoutTotal = api().db.statementCount;

    api().db.resetStatementCount();
    await api().executeText("{ schools(first: 5) { totalCount edges { node { urn } } } }");
    const withTotal = api().db.statementCount;

    expect(withoutTotal).toBe(1);
    expect(withTotal).toBe(2);
  });
});

describe("people and history", () => {
  it("when a school's head is published in a GIAS extract, then the leader comes with role, extract date and source", async () => {
    const { school } = dataOf(await api().execute(SchoolPeopleAndHistoryDocument, { urn: 115850 }));

    expect(school?.leaders).toEqual([
      {
        name: "Richard Mead",
        title: "Mr",
        role: "Headteacher",
        since: null,
        asOf: "2022-04-20",
        source: { id: "gias-edubasealldata-2022-04-20" },
      },
    ]);
  });

  it("when an academy replaced a closed school, then the closed school is its predecessor, with no open school behind it", async () => {
    const { school } = dataOf(
      await api().execute(SchoolPeopleAndHistoryDocument, { urn: HARRIS_BERMONDSEY }),
    );

    expect(school?.predecessors).toContainEqual({
      urn: 100842,
      name: "Aylwin Girls' School",
      reason: null,
      on: null,
      school: null,
    });
  });
});
