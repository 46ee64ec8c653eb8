import { describe, expect, it } from "vitest";
import { buildFundingReport } from "./funding-report.js";
import type { AreaSchoolsRow, FundedSchool, LandedShare, ReportGrant } from "./funding.model.js";

function school(urn: number, laCode: number, extra: Partial<FundedSchool> = {}): FundedSchool {
  return {
    urn,
    laCode,
    regionCode: "E12000009",
    needBand: 2,
    rural: false,
    coastal: false,
    ...extra,
  };
}

const AREA_SCHOOLS: AreaSchoolsRow[] = [
  { laCode: 838, laName: "Dorset", band: 1, schools: 3, pupils: 600 },
  { laCode: 838, laName: "Dorset", band: 2, schools: 5, pupils: 1_400 },
  { laCode: 800, laName: "Bath and North East Somerset", band: 2, schools: 4, pupils: 1_000 },
  { laCode: 800, laName: "Bath and North East Somerset", band: null, schools: 2, pupils: 0 },
];

describe("buildFundingReport", () => {
  it("when a partnership spans two LAs, then each LA's report gets only the share landing in it", () => {
    // £300 matched £30, stored at award as a third in 838 (rural, band 1) and two thirds in
    // 800 (coastal, band 2).
    const shares: LandedShare[] = [
      {
        school: school(1, 838, { rural: true, needBand: 1 }),
        awardedPence: 10_000,
        matchedPence: 1_000,
      },
      { school: school(2, 800, { coastal: true }), awardedPence: 20_000, matchedPence: 2_000 },
    ];
    const grants: ReportGrant[] = [
      { id: "g1", fund: "PRIMARY_CHAINS_GRANT", amountPence: 30_000, matchedPence: 3_000, shares },
    ];

    const region = buildFundingReport(
      { laCode: null, regionCode: "E12000009" },
      grants,
      AREA_SCHOOLS,
    );
    const dorset = buildFundingReport(
      { laCode: 838, regionCode: null },
      grants,
      AREA_SCHOOLS.filter((row) => row.laCode === 838),
    );

    expect(region).toMatchObject({ grants: 1, awardedPence: 30_000, matchedPence: 3_000 });
    expect(region.pence).toBe(33_000);
    expect(region.pupils).toBe(3_000);
    expect(region.perPupilPence).toBe(11);
    expect(region.rural).toEqual({ pence: 11_000, share: 1 / 3 });
    expect(region.coastal).toEqual({ pence: 22_000, share: 2 / 3 });
    expect(
      region.byArea.map((row) => [row.localAuthorityCode, row.pence, row.schoolsFunded]),
    ).toEqual([
      [800, 22_000, 1],
      [838, 11_000, 1],
    ]);
    expect(region.byNeedBand.map((row) => [row.band, row.pence, row.schools])).toEqual([
      [1, 11_000, 3],
      [2, 22_000, 9],
      [3, 0, 0],
      [4, 0, 0],
      [null, 0, 2],
    ]);
    expect(dorset).toMatchObject({ grants: 1, awardedPence: 10_000, matchedPence: 1_000 });
    expect(dorset.byArea).toHaveLength(1);
    expect(dorset.byArea[0]).toMatchObject({
      localAuthorityCode: 838,
      pence: 11_000,
      pupils: 2_000,
    });
    expect(dorset.byArea[0]!.perPupilPence).toBe(5.5);
  });

  it("when a grant was stored without shares, then only England reports its money, as unallocated", () => {
    const grants: ReportGrant[] = [
      { id: "g", fund: "OTHER", amountPence: 500, matchedPence: 0, shares: [] },
    ];

    expect(buildFundingReport({ laCode: null, regionCode: null }, grants, [])).toMatchObject({
      grants: 1,
      pence: 0,
      unallocatedPence: 500,
    });
    expect(buildFundingReport({ laCode: 838, regionCode: null }, grants, []).grants).toBe(0);
  });

  it("when stored shares are uneven, then the report adds them as stored instead of recutting them", () => {
    // 1p and 2p, stored at award; the report has no pupils per grant to recut them by.
    const grants: ReportGrant[] = [
      {
        id: "g",
        fund: "OTHER",
        amountPence: 3,
        matchedPence: 0,
        shares: [
          { school: school(1, 838), awardedPence: 1, matchedPence: 0 },
          { school: school(2, 838), awardedPence: 2, matchedPence: 0 },
        ],
      },
    ];

    const dorset = buildFundingReport({ laCode: 838, regionCode: null }, grants, AREA_SCHOOLS);

    expect([dorset.awardedPence, dorset.schoolsFunded, dorset.unallocatedPence]).toEqual([3, 2, 0]);
  });
});
