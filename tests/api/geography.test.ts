import { describe, expect, it } from "vitest";
import {
  LocalAuthoritiesOfRegionDocument,
  LocalAuthorityOverviewDocument,
  RegionsDocument,
  SchoolsTotalDocument,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const LONDON = "E12000007";
const SOUTHWARK = 210;

describe("regions and local authorities", () => {
  it("when regions are listed, then England's nine come back by code, London holding the City of London", async () => {
    const { regions } = dataOf(await api().execute(RegionsDocument));

    expect(regions.map((region) => region.code)).toEqual(
      Array.from({ length: 9 }, (_, i) => `E1200000${i + 1}`),
    );
    const london = regions.find((region) => region.code === LONDON);
    expect(london?.name).toBe("London");
    expect(london?.localAuthorities.map((la) => la.code)).toContain(201);
  });

  it("when local authorities of London are listed, then there are 33 in name order", async () => {
    const { localAuthorities } = dataOf(
      await api().execute(LocalAuthoritiesOfRegionDocument, { regionCode: LONDON }),
    );
    const names = localAuthorities.map((la) => la.name);

    expect(localAuthorities).toHaveLength(33);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("when the region code is malformed, then the error is BAD_USER_INPUT naming regionCode", async () => {
    const result = await api().execute(LocalAuthoritiesOfRegionDocument, { regionCode: "E12" });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "regionCode",
    });
  });
});

describe("localAuthority(code)", () => {
  it("when Southwark is read, then its coverage counts the same state-funded schools as the schools filter", async () => {
    const { localAuthority } = dataOf(
      await api().execute(LocalAuthorityOverviewDocument, { code: SOUTHWARK, first: 5 }),
    );
    const { schools } = dataOf(
      await api().execute(SchoolsTotalDocument, {
        filter: { localAuthorityCode: SOUTHWARK, stateFunded: true },
      }),
    );
    const coverage = localAuthority?.coverage;

    expect(localAuthority?.name).toBe("Southwark");
    expect(localAuthority?.region).toEqual({ code: LONDON, name: "London" });
    expect(coverage?.schools).toBe(schools.totalCount);
    expect(coverage?.schoolsInPartnership).toBeGreaterThan(0);
    expect(coverage?.share).toBeCloseTo(
      (coverage?.schoolsInPartnership ?? 0) / (coverage?.schools ?? 1),
      10,
    );
    expect(coverage?.byType.map((entry) => entry.type)).toContain("MULTI_ACADEMY_TRUST");
    for (const entry of coverage?.byType ?? []) {
      expect(entry.schools).toBeLessThanOrEqual(coverage?.schoolsInPartnership ?? 0);
    }
  });

  it("when its schools are paged, then the second page continues after the first", async () => {
    const first = dataOf(
      await api().execute(LocalAuthorityOverviewDocument, { code: SOUTHWARK, first: 3 }),
    ).localAuthority?.schools;
    const second = dataOf(
      await api().execute(LocalAuthorityOverviewDocument, {
        code: SOUTHWARK,
        first: 3,
        after: first?.pageInfo.endCursor,
      }),
    ).localAuthority?.schools;

    expect(first?.pageInfo.hasNextPage).toBe(true);
    const firstUrns = first?.edges.map((edge) => edge.node.urn) ?? [];
    const secondUrns = second?.edges.map((edge) => edge.node.urn) ?? [];
    expect(secondUrns).toHaveLength(3);
    expect(secondUrns.filter((urn) => firstUrns.includes(urn))).toEqual([]);
    expect(second?.totalCount).toBe(first?.totalCount);
  });

  it("when the code is a well-formed but unknown LA, then it is null", async () => {
    const result = await api().execute(LocalAuthorityOverviewDocument, { code: 999 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.localAuthority).toBeNull();
  });

  it("when the code is not 3 digits, then the error is BAD_USER_INPUT naming code", async () => {
    const result = await api().execute(LocalAuthorityOverviewDocument, { code: 20 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "code",
    });
  });
});
