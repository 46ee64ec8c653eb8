import { describe, expect, it } from "vitest";
import {
  BatchingMembersAlongsideSchoolDocument,
  BatchingMembersApartDocument,
  BatchingMembersOfTwoSizesDocument,
  BatchingSchoolWithAreaDocument,
  SchoolsWithPartnershipsDocument,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

/** Statements for one run of the nested query over the first `first` schools. */
async function statementsFor(first: number) {
  api().db.resetStatementCount();
  const data = dataOf(await api().execute(SchoolsWithPartnershipsDocument, { first }));
  return { statements: api().db.statementCount, schools: data.schools.edges.map((e) => e.node) };
}

describe("batched nested fields", () => {
  it("when 100 schools are read with their LA, region, memberships and partnership members, then the statement count is the same as for 20", async () => {
    const twenty = await statementsFor(20);
    const hundred = await statementsFor(100);

    // The query must really reach every level, or a bounded count would prove nothing.
    expect(hundred.schools).toHaveLength(100);
    const withMemberships = hundred.schools.filter((school) => school.memberships.length > 0);
    expect(withMemberships.length).toBeGreaterThan(10);
    expect(hundred.schools.every((school) => school.localAuthority?.region?.code)).toBe(true);
    const members = withMemberships.flatMap((school) =>
      school.memberships.flatMap((membership) => membership.partnership.members.edges),
    );
    expect(members.length).toBeGreaterThan(withMemberships.length);

    // The operation asks for one first page of members everywhere, so the schools page reads
    // its LAs and regions, memberships and those first pages in the same statement.
    expect(hundred.statements).toBe(1);
    expect(hundred.statements).toBe(twenty.statements);
  });

  it("when one school is read with its LA and the LA's region, then one statement reads all three", async () => {
    api().db.resetStatementCount();
    const result = await api().execute(BatchingSchoolWithAreaDocument, { urn: 118000 });
    expect(result.data).toEqual({
      school: {
        name: "Bugthorpe Church of England Voluntary Controlled Primary School",
        localAuthority: {
          name: "East Riding of Yorkshire",
          region: { name: "Yorkshire and The Humber" },
        },
        region: { code: "E12000003" },
      },
    });
    expect(api().db.statementCount).toBe(1);
  });

  it("when a partnership appears under many schools, then its first ten members are the same everywhere", async () => {
    const { schools } = await statementsFor(100);
    const pagesByPartnership = new Map<string, string>();
    for (const membership of schools.flatMap((school) => school.memberships)) {
      const page = JSON.stringify(membership.partnership.members);
      const seen = pagesByPartnership.get(membership.partnership.id);
      if (seen !== undefined) expect(page).toBe(seen);
      pagesByPartnership.set(membership.partnership.id, page);
      expect(membership.partnership.members.edges.length).toBe(
        Math.min(10, membership.partnership.members.totalCount),
      );
    }
  });

  it("when members are read with the schools naming their partnership, then they match the partnership's own pages", async () => {
    // Horizon Primary Academy (Kent) is in a trust of more than three schools.
    api().db.resetStatementCount();
    const alongside = await api().execute(BatchingMembersAlongsideSchoolDocument, { urn: 137136 });
    expect(alongside.errors).toBeUndefined();
    expect(api().db.statementCount).toBe(1);
    const memberships = alongside.data!.school!.memberships;
    expect(memberships.length).toBeGreaterThan(0);
    for (const { partnership } of memberships) {
      const apart = await api().execute(BatchingMembersApartDocument, { id: partnership.id });
      expect(partnership.members).toEqual(apart.data!.partnership!.members);
    }
  });

  it("when one operation asks members pages of two sizes, then each is read apart and right", async () => {
    const result = await api().execute(BatchingMembersOfTwoSizesDocument, { urn: 137136 });
    const trust = result.data!.school!.memberships[0]!.partnership;
    const urns = (page: "three" | "five") => trust[page].edges.map((edge) => edge.node.school.urn);
    expect(urns("three")).toHaveLength(3);
    expect(urns("five")).toHaveLength(5);
    expect(urns("five").slice(0, 3)).toEqual(urns("three"));
  });
});
