import { describe, expect, it } from "vitest";
import {
  DatasetsDocument,
  PartnershipMembersDocument,
  type PartnershipMembersQuery,
} from "../__generated__/graphql.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const HARRIS_FEDERATION = "gias-3320";

describe("partnership(id)", () => {
  it("when the Harris Federation is read, then it is a multi-academy trust with Harris Academy Bermondsey among its members", async () => {
    const memberUrns: number[] = [];
    let after: string | null = null;
    let memberCount = 0;
    const totals: number[] = [];
    for (let page = 0; page < 20; page += 1) {
      const { partnership }: PartnershipMembersQuery = dataOf(
        await api().execute(PartnershipMembersDocument, {
          id: HARRIS_FEDERATION,
          first: 20,
          after,
        }),
      );
      expect(partnership).toMatchObject({ name: "HARRIS FEDERATION", type: "MULTI_ACADEMY_TRUST" });
      memberCount = partnership?.memberCount ?? 0;
      totals.push(partnership?.members.totalCount ?? -1);
      memberUrns.push(...(partnership?.members.edges.map((edge) => edge.node.school.urn) ?? []));
      if (!partnership?.members.pageInfo.hasNextPage) break;
      after = partnership.members.pageInfo.endCursor;
    }

    expect(memberUrns).toContain(131747);
    expect(new Set(memberUrns).size).toBe(memberUrns.length);
    expect(memberUrns).toHaveLength(memberCount);
    expect(new Set(totals)).toEqual(new Set([memberCount]));
  });

  it("when a member's joining date is recorded, then it is a calendar date", async () => {
    const { partnership } = dataOf(
      await api().execute(PartnershipMembersDocument, { id: HARRIS_FEDERATION, first: 100 }),
    );
    const bermondsey = partnership?.members.edges.find((edge) => edge.node.school.urn === 131747);
    expect(bermondsey?.node.joinedOn).toBe("2007-04-26");
  });

  it("when the id is unknown, then the partnership is null", async () => {
    const result = await api().execute(PartnershipMembersDocument, { id: "gias-does-not-exist" });
    expect(result.errors).toBeUndefined();
    expect(result.data?.partnership).toBeNull();
  });

  it("when members(first: 101) is asked for, then the error is BAD_USER_INPUT mentioning first", async () => {
    const result = await api().execute(PartnershipMembersDocument, {
      id: HARRIS_FEDERATION,
      first: 101,
    });
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("first");
  });
});

describe("datasets", () => {
  it("when datasets are listed, then each names its publisher, licence and origin", async () => {
    const { datasets } = dataOf(await api().execute(DatasetsDocument));
    const spc = datasets.find((dataset) => dataset.id === "dfe-spc-2022-23");

    expect(spc).toMatchObject({
      publisher: "Department for Education",
      period: "2022/23",
      licence: "Open Government Licence v3.0",
      origin: expect.stringContaining("mrc-ide/helios"),
    });
    expect(datasets.every((dataset) => dataset.title.length > 0)).toBe(true);
  });
});
