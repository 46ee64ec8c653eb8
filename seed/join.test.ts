import { describe, expect, it } from "vitest";
import { DATASETS } from "./datasets.js";
import { ruralUrbanOf } from "./domain/classify.js";
import { joinSchools, latestInspection, SPC_CENSUS_DAY, type JoinInputs } from "./join.js";
import type { SpcSchool } from "./sources/spc.js";

const aldgate: SpcSchool = {
  urn: 100000,
  name: "The Aldgate School",
  laestab: 2013614,
  laCode: 201,
  laGssCode: "E09000001",
  year: "2022/23",
  phase: "PRIMARY",
  establishmentType: "Voluntary aided school",
  governance: "MAINTAINED",
  stateFunded: true,
  gender: "Mixed",
  religiousCharacter: "Church of England",
  districtCode: "E09000001",
  districtName: "City of London",
  wardCode: "E05009308",
  wardName: "Portsoken",
  constituencyCode: "E14000639",
  urbanRuralText: "(England/Wales) Urban major conurbation",
  postcode: "EC3A 5DE",
  pupils: 271,
  fsmPercent: 18.1,
  ealPercent: null,
};

function inputs(overrides: Partial<JoinInputs> = {}): JoinInputs {
  return {
    spc: [aldgate],
    census: new Map(),
    ks2: new Map(),
    ks4: new Map(),
    ofsted: new Map(),
    ks2History: new Map(),
    predecessorsOf: new Map(),
    ks4Bands: new Map(),
    ks4PriorAttainment: new Map(),
    deprivation: new Map(),
    ruralUrban: new Map(),
    regionOfLa: new Map([[201, "E12000007"]]),
    coastal: () => ({ coastal: false, coastDistanceKm: 32.6 }),
    ...overrides,
  };
}

describe("latestInspection", () => {
  it("when several files judged the school, then the most recent inspection wins", () => {
    expect(
      latestInspection({ grade: 2, date: "2014-02-04", source: "ks2" }, null, {
        grade: 3,
        date: "2019-05-01",
        source: "mi",
      }),
    ).toEqual({ rating: "Requires improvement", grade: 3, date: "2019-05-01", source: "mi" });
  });

  it("when no file judged the school, then there is no judgement", () => {
    expect(latestInspection(undefined, null)).toBeNull();
  });
});

describe("joinSchools", () => {
  it("when a school has census figures, then each carries its own year and source", () => {
    const [school] = joinSchools(inputs()).schools;
    expect(school).toMatchObject({
      urn: 100000,
      laCode: 201,
      regionCode: "E12000007",
      detailsAsOf: SPC_CENSUS_DAY,
      pupils: { value: 271, year: "2022/23", source: DATASETS.spc.id },
      fsmPercent: { value: 18.1, year: "2022/23", source: DATASETS.spc.id },
    });
  });

  it("when a figure is missing, then it and its year and source are null, never zero", () => {
    const [school] = joinSchools(inputs()).schools;
    expect(school?.properties).toMatchObject({
      ealPercent: null,
      ealPercentYear: null,
      ealPercentSource: null,
      ks2Year: null,
      ks4Source: null,
    });
  });

  it("when the KS4 information gives the cohort's average KS2 score, then it is the school's prior attainment with its year and source", () => {
    const [school] = joinSchools(
      inputs({ ks4PriorAttainment: new Map([[100000, { value: 104.2, year: "2023/24" }]]) }),
    ).schools;
    expect(school?.properties).toMatchObject({
      ks2PriorAttainment: 104.2,
      ks2PriorAttainmentYear: "2023/24",
      ks2PriorAttainmentSource: DATASETS.ks4Information.id,
    });
    expect(joinSchools(inputs()).schools[0]?.properties).toMatchObject({
      ks2PriorAttainment: null,
      ks2PriorAttainmentYear: null,
      ks2PriorAttainmentSource: null,
    });
  });

  it("when the postcode has no LSOA, then the census's urban-rural class is used and named as the source", () => {
    const [school] = joinSchools(inputs()).schools;
    expect(school?.properties).toMatchObject({
      ruralUrbanCode: "A1",
      rural: false,
      ruralUrbanSource: DATASETS.spc.id,
      lsoa: null,
    });
  });

  it("when the postcode has an LSOA with a class, then the LSOA class wins", () => {
    const [school] = joinSchools(
      inputs({
        deprivation: new Map([
          [
            "EC3A 5DE",
            {
              lsoa: "E01032739",
              imdRank: 20391,
              imdDecile: 7,
              incomeScore: 0.014,
              idaciRank: 32644,
              idaciDecile: 10,
              idaciScore: 0.01,
            },
          ],
        ]),
        ruralUrban: new Map([["E01032739", ruralUrbanOf("A1")!]]),
      }),
    ).schools;
    expect(school?.properties).toMatchObject({
      lsoa: "E01032739",
      ruralUrbanSource: DATASETS.ruralUrban.id,
      imdRank: 20391,
      deprivationYear: "2019",
    });
  });

  it("when the school has no location, then coastal facts are missing rather than false", () => {
    const [school] = joinSchools(inputs({ spc: [{ ...aldgate, postcode: null }] })).schools;
    expect(school?.location).toBeNull();
    expect(school?.properties).toMatchObject({
      coastal: null,
      coastDistanceKm: null,
      coastalSource: null,
    });
  });

  it("when KS2 data gives coordinates, then the location is exact and coastal facts follow it", () => {
    const [school] = joinSchools(
      inputs({
        ks2: new Map([
          [
            100000,
            {
              urn: 100000,
              postcode: "EC3A 5DE",
              town: "London",
              location: { latitude: 51.513662, longitude: -0.077486 },
              inspection: { grade: 1, date: "2013-04-18", source: DATASETS.ks2.id },
              readingProgress: 4.8,
              writingProgress: null,
              mathsProgress: 3.9,
            },
          ],
        ]),
      }),
    ).schools;
    expect(school?.location).toMatchObject({ precision: "EXACT", source: DATASETS.ks2.id });
    expect(school?.details.town).toBe("London");
    expect(school?.ofsted).toMatchObject({ rating: "Outstanding", grade: 1 });
    expect(school?.properties).toMatchObject({
      coastal: false,
      coastDistanceKm: 32.6,
      ks2ReadingProgress: 4.8,
      ks2WritingProgress: null,
      ks2Year: "2018/19",
    });
  });

  it("when figure files mention URNs that are not schools, then they are counted as skipped", () => {
    const { skipped } = joinSchools(
      inputs({
        census: new Map([
          [999999, { urn: 999999, ehcpPercent: 1, senSupportPercent: 1, senPercent: 2 }],
        ]),
      }),
    );
    expect(skipped.total).toBe(1);
  });

  it("when the school succeeded an earlier URN, then its KS2 series includes the predecessor's years and the latest figure stays its own", () => {
    const { schools, skipped } = joinSchools(
      inputs({
        ks2History: new Map([
          [100000, [{ value: 76, year: "2022/23" }]],
          [
            90001,
            [
              { value: 60, year: "2017/18" },
              { value: 99, year: "2022/23" },
            ],
          ],
          [90002, [{ value: 50, year: "2016/17" }]],
        ]),
        predecessorsOf: new Map([[100000, [90001]]]),
      }),
    );
    expect(schools[0]?.properties).toMatchObject({
      ks2RwmExpected: 76,
      ks2RwmExpectedYear: "2022/23",
      ks2RwmSeriesYears: ["2017/18", "2022/23"],
      ks2RwmSeriesValues: [60, 76],
      ks2RwmSeriesUrns: [90001, 100000],
      ks2RwmSeriesSource: DATASETS.ks2History.id,
    });
    // 90001 reached the school through the link; 90002 reached nothing.
    expect(skipped.entries()).toEqual([
      [
        "KS2 history: URNs whose figures reach no school in the 2022/23 list, directly or as a predecessor",
        1,
      ],
    ]);
  });

  it("when a school has no KS2 figures, then the series properties are null", () => {
    const [school] = joinSchools(inputs()).schools;
    expect(school?.properties).toMatchObject({
      ks2RwmSeriesYears: null,
      ks2RwmSeriesValues: null,
      ks2RwmSeriesUrns: null,
      ks2RwmSeriesSource: null,
    });
  });
});
