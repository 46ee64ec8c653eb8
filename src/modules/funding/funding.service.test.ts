import { describe, expect, it } from "vitest";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import type { FundingLoaders } from "./funding.loaders.js";
import type { RecordGrantRequest } from "./funding.model.js";
import type { FundingRepository } from "./funding.repository.js";
import { FundingService } from "./funding.service.js";

const SOUTH_WEST: RegionRecord = { code: "E12000009", name: "South West" };
const NORTH_EAST: RegionRecord = { code: "E12000001", name: "North East" };
const DORSET: LocalAuthorityRecord = {
  code: 838,
  name: "Dorset",
  gssCode: "E06000059",
  regionCode: "E12000009",
};

const areas = {
  findRegionsByCodes: async (codes: readonly string[]) =>
    new Map(
      [SOUTH_WEST, NORTH_EAST]
        .filter((region) => codes.includes(region.code))
        .map((region) => [region.code, region]),
    ),
  findLocalAuthoritiesByCodes: async (codes: readonly number[]) =>
    new Map(codes.includes(838) ? [[838, DORSET]] : []),
};

const repository = {
  reportGrants: async () => [],
  areaSchools: async () => [],
  record: async () => ({ id: "svc-g" }),
} as unknown as FundingRepository;

const admin = new FundingService(
  repository,
  {} as FundingLoaders,
  areas,
  {
    role: "ADMIN",
    sub: "a",
  },
  "req",
);

const GRANT: RecordGrantRequest = {
  fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
  fundName: null,
  amountPence: 10_000_000,
  matchedPence: 0,
  matchedBy: null,
  funder: "Department for Education",
  awardedOn: "2025-04-01",
  startsOn: "2025-09-01",
  endsOn: "2026-08-31",
  purpose: "Reading",
  recipientUrn: 113662,
  recipientPartnershipId: null,
};

describe("FundingService.report", () => {
  it("when the LA is outside the region, then BAD_USER_INPUT names localAuthorityCode", async () => {
    await expect(
      admin.report({ regionCode: NORTH_EAST.code, localAuthorityCode: 838 }),
    ).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argument: "localAuthorityCode" },
    });
  });

  it("when the LA is inside the region, then the report is for the LA", async () => {
    const report = await admin.report({ regionCode: SOUTH_WEST.code, localAuthorityCode: 838 });

    expect(report.localAuthority).toBe(DORSET);
    expect(report.totalPence).toBe(0);
  });

  it("when a code names nothing, then NOT_FOUND", async () => {
    await expect(admin.report({ localAuthorityCode: 999 })).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND" },
    });
  });
});

describe("FundingService.record", () => {
  it("when a grant names two recipients or none, then BAD_USER_INPUT", () => {
    expect(() => admin.record({ ...GRANT, recipientPartnershipId: "gias-1" })).toThrow(
      /exactly one recipient/,
    );
    expect(() => admin.record({ ...GRANT, recipientUrn: null })).toThrow(/exactly one recipient/);
  });

  it("when the fund is OTHER with no name, then BAD_USER_INPUT names input.fundName", () => {
    expect(() => admin.record({ ...GRANT, fund: "OTHER" })).toThrow(/name the fund/);
  });

  it("when a system leader records a grant, then FORBIDDEN", () => {
    const leader = new FundingService(
      repository,
      {} as FundingLoaders,
      areas,
      {
        role: "SYSTEM_LEADER",
        sub: "l",
        systemLeaderId: "x",
      },
      "req",
    );

    expect(() => leader.record(GRANT)).toThrow(/may not recordGrant/);
  });
});

describe("FundingService.record by oversight", () => {
  /** A service whose repository hands the recipient's regions to the check, then records. */
  function oversightOf(regionCodes: string[], recipientRegions: string[]) {
    const recording = {
      record: async (
        _request: unknown,
        _fundName: unknown,
        _origin: unknown,
        check: (codes: string[]) => void,
      ) => {
        check(recipientRegions);
        return { id: "svc-g" };
      },
    } as unknown as FundingRepository;
    return new FundingService(
      recording,
      {} as FundingLoaders,
      areas,
      { role: "OVERSIGHT", sub: "o", regionCodes },
      "req",
    );
  }

  it("when a trust has schools in the South West and the North East, then oversight of the South West alone is FORBIDDEN", async () => {
    const service = oversightOf([SOUTH_WEST.code], [SOUTH_WEST.code, NORTH_EAST.code]);

    await expect(service.record(GRANT)).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("when oversight covers every region the trust's schools are in, then it may record", async () => {
    const service = oversightOf(
      [SOUTH_WEST.code, NORTH_EAST.code],
      [SOUTH_WEST.code, NORTH_EAST.code],
    );

    await expect(service.record(GRANT)).resolves.toMatchObject({ id: "svc-g" });
  });

  it("when the recipient is in no region, then oversight is FORBIDDEN", async () => {
    await expect(oversightOf([SOUTH_WEST.code], []).record(GRANT)).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
  });
});
