import { wholeSchools } from "./school.projection.js";
import { describe, expect, it, vi } from "vitest";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import { decodeCursor, encodeCursor } from "../common/pagination.js";
import { createSchoolLoaders } from "./school.loaders.js";
import type { SchoolRecord } from "./school.model.js";
import type { SchoolListParams, SchoolRepository } from "./school.repository.js";
import { SchoolService, schoolFilterParams } from "./school.service.js";

function school(urn: number, name: string): SchoolRecord {
  return { urn, name } as SchoolRecord;
}

const read = (schools: SchoolRecord[]) => ({ schools, localAuthorities: [], regions: [] });

/** A repository double holding `schools`; list honours position and limit like the statements. */
function fakeRepository(schools: SchoolRecord[]) {
  const sorted = [...schools].sort((a, b) =>
    a.name === b.name ? a.urn - b.urn : a.name < b.name ? -1 : 1,
  );
  return {
    list: vi.fn(async (params: SchoolListParams) =>
      read(
        sorted
          .filter(
            (s) =>
              params.afterName === null ||
              s.name > params.afterName ||
              (s.name === params.afterName && s.urn > (params.afterUrn ?? 0)),
          )
          .slice(0, params.limit),
      ),
    ),
    count: vi.fn(async () => sorted.length),
    findByUrns: vi.fn(async (urns: readonly number[]) => {
      return read(sorted.filter((s) => urns.includes(s.urn)));
    }),
    findLinksByUrns: vi.fn(async () => new Map()),
    findLeadersByUrns: vi.fn(async () => new Map()),
  };
}

/** Area checks that know LA 201 and region E12000007 only. */
const areas = {
  requireLocalAuthority: vi.fn(async (code: number, argument: string) => {
    if (code !== 201) throw new NotFoundError(`No local authority has code ${code}.`, argument);
  }),
  requireRegion: vi.fn(async (code: string, argument: string) => {
    if (code !== "E12000007") throw new NotFoundError(`No region has code ${code}.`, argument);
  }),
  prime: vi.fn(),
};

function serviceOver(schools: SchoolRecord[]) {
  const repository = fakeRepository(schools);
  const typed = repository as unknown as SchoolRepository;
  return { repository, service: new SchoolService(typed, createSchoolLoaders(typed), areas) };
}

describe("schoolFilterParams", () => {
  it("when no filter is given, then every parameter is null (any)", () => {
    expect(schoolFilterParams(undefined)).toEqual({
      laCode: null,
      regionCode: null,
      phase: null,
      stateFunded: null,
      rural: null,
      coastal: null,
      nameContains: null,
    });
  });

  it("when every field is given, then each maps to its parameter and the name is trimmed and lower-cased", () => {
    expect(
      schoolFilterParams({
        localAuthorityCode: 201,
        regionCode: "E12000007",
        phase: "PRIMARY",
        stateFunded: true,
        rural: false,
        coastal: true,
        nameContains: "  Aldgate ",
      }),
    ).toEqual({
      laCode: 201,
      regionCode: "E12000007",
      phase: "PRIMARY",
      stateFunded: true,
      rural: false,
      coastal: true,
      nameContains: "aldgate",
    });
  });

  it.each([
    ["a 2-digit LA code", { localAuthorityCode: 20 }, "filter.localAuthorityCode"],
    ["a 4-digit LA code", { localAuthorityCode: 2010 }, "filter.localAuthorityCode"],
    ["a malformed region code", { regionCode: "London" }, "filter.regionCode"],
    ["a blank name", { nameContains: "   " }, "filter.nameContains"],
    ["a name over 100 characters", { nameContains: "x".repeat(101) }, "filter.nameContains"],
  ])(
    "when the filter has %s, then a BAD_USER_INPUT error names the field",
    (_case, filter, argument) => {
      let error: unknown;
      try {
        schoolFilterParams(filter);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain(argument);
      expect((error as ValidationError).extensions["argument"]).toBe(argument);
    },
  );
});

describe("SchoolService.list", () => {
  const schools = [school(3, "Beech"), school(1, "Ash"), school(2, "Ash"), school(4, "Cedar")];

  it("when walking pages, then each page starts after the last and no school repeats", async () => {
    const { service } = serviceOver(schools);
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await service.list({ first: 3, after, includeTotal: false });
      seen.push(...page.edges.map((edge) => edge.node.urn));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("when a page is asked for, then one more row than the page size is fetched to detect a next page", async () => {
    const { service, repository } = serviceOver(schools);
    await service.list({
      first: 2,
      after: encodeCursor({ name: "Ash", urn: 1 }),
      includeTotal: false,
    });
    expect(repository.list).toHaveBeenCalledWith(
      expect.objectContaining({ afterName: "Ash", afterUrn: 1, limit: 3 }),
      wholeSchools(),
    );
  });

  it("when the total is not selected, then nothing is counted", async () => {
    const { service, repository } = serviceOver(schools);
    const page = await service.list({ includeTotal: false });
    expect(repository.count).not.toHaveBeenCalled();
    expect(page.totalCount).toBeNull();
  });

  it("when the total is selected, then it is counted with the same filter", async () => {
    const { service, repository } = serviceOver(schools);
    const page = await service.list({ filter: { phase: "PRIMARY" }, includeTotal: true });
    expect(page.totalCount).toBe(4);
    expect(repository.count).toHaveBeenCalledWith(expect.objectContaining({ phase: "PRIMARY" }));
  });

  it("when first is 101, then the request is refused before the database is asked", async () => {
    const { service, repository } = serviceOver(schools);
    await expect(service.list({ first: 101, includeTotal: true })).rejects.toThrow(/first/);
    expect(repository.list).not.toHaveBeenCalled();
  });

  it("when the end cursor of a page is decoded, then it is the last school on that page", async () => {
    const { service } = serviceOver(schools);
    const page = await service.list({ first: 2, includeTotal: false });
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ name: "Ash", urn: 2 });
  });
});

describe("SchoolService.list with an area filter", () => {
  it("when no school matches and no local authority has the code, then NOT_FOUND names filter.localAuthorityCode", async () => {
    const { service } = serviceOver([]);
    const listing = service.list({ filter: { localAuthorityCode: 999 }, includeTotal: false });
    await expect(listing).rejects.toThrow(NotFoundError);
    await expect(listing).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND", argument: "filter.localAuthorityCode" },
    });
  });

  it("when no school matches and no region has the code, then NOT_FOUND names filter.regionCode", async () => {
    const { service } = serviceOver([]);
    await expect(
      service.list({ filter: { regionCode: "E12000010" }, includeTotal: false }),
    ).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", argument: "filter.regionCode" } });
  });

  it("when no school matches in a local authority that exists, then the page is empty", async () => {
    const { service } = serviceOver([]);
    const page = await service.list({ filter: { localAuthorityCode: 201 }, includeTotal: false });
    expect(page.edges).toEqual([]);
  });

  it("when schools match, then the area is not looked up", async () => {
    areas.requireLocalAuthority.mockClear();
    const { service } = serviceOver([school(1, "A")]);
    await service.list({ filter: { localAuthorityCode: 201 }, includeTotal: false });
    expect(areas.requireLocalAuthority).not.toHaveBeenCalled();
  });
});

describe("SchoolService.byUrn", () => {
  it("when several schools are asked for in one tick, then they are read in one batch, in key order", async () => {
    const { service, repository } = serviceOver([school(1, "A"), school(2, "B")]);
    const found = await Promise.all([service.byUrn(2), service.byUrn(99), service.byUrn(1)]);
    expect(found.map((s) => s?.urn ?? null)).toEqual([2, null, 1]);
    expect(repository.findByUrns).toHaveBeenCalledTimes(1);
  });
});
