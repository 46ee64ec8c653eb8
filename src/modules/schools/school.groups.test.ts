import { describe, expect, it } from "vitest";
import { toSchool } from "./school.repository.js";

describe("toSchool groups of figures", () => {
  it("when a group's property is stored with another type, then the group shows with that figure null", () => {
    const school = toSchool({ urn: 1, name: "A", imdRank: "12", ks4Year: "2023/24" });
    expect(school.deprivation).toMatchObject({ imdRank: null, year: "unknown" });
    expect(school.ks4).toBeNull();
  });

  it("when the grade basis is stored but unknown, then the overall grade is the stored overall", () => {
    const school = toSchool({
      urn: 1,
      name: "A",
      ofstedGrade: 3,
      ofstedGradeBasis: "SOMETHING_NEW",
      ofstedOverall: null,
    });
    expect(school.ofsted).toMatchObject({
      grade: 3,
      gradeBasis: "OVERALL_EFFECTIVENESS",
      overall: null,
    });
  });

  it("when a series has years without figures, then those years are left out and the rest keep their place", () => {
    const school = toSchool({
      urn: 5,
      name: "A",
      ks4Year: "2023/24",
      ks4Pupils: 180,
      ks4SeriesYears: ["2022/23", "2023/24"],
      ks4SeriesSources: ["s1", "s2"],
      ks4SeriesProgress8: [Number.NaN, 0.2],
      ks2RwmSeriesYears: ["2022/23", "2023/24"],
      ks2RwmSeriesValues: [Number.NaN, 61],
      ks2RwmSeriesUrns: [4],
    });
    expect(school.ks4History).toMatchObject([
      { year: "2022/23", progress8: null, pupils: null, sourceId: "s1" },
      { year: "2023/24", progress8: 0.2, pupils: 180, sourceId: "s2" },
    ]);
    expect(school.ks2History).toEqual([
      {
        year: "2023/24",
        rwmExpected: 61,
        cohort: null,
        disadvantagedRwmExpected: null,
        urn: 5,
        sourceId: null,
      },
    ]);
  });
});
