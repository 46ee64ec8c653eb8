import { describe, expect, it } from "vitest";
import { toSchool } from "./school.repository.js";

describe("toSchool", () => {
  it("when a figure has its year and source, then it becomes a Measure citing the dataset", () => {
    const school = toSchool({
      urn: 100000,
      name: "The Aldgate School",
      pupils: 263,
      pupilsYear: "2022/23",
      pupilsSource: "dfe-spc-2022-23",
    });
    expect(school.pupils).toEqual({ value: 263, year: "2022/23", sourceId: "dfe-spc-2022-23" });
  });

  it("when a figure is absent, then it is null, never zero", () => {
    const school = toSchool({ urn: 1, name: "A", fsmPercentYear: "2022/23" });
    expect(school.fsmPercent).toBeNull();
    expect(school.ofsted).toBeNull();
    expect(school.ks2).toBeNull();
    expect(school.deprivation).toBeNull();
  });

  it("when grouped figures are present, then the group carries its shared year, date and source", () => {
    const school = toSchool({
      urn: 1,
      name: "A",
      ofstedRating: "Good",
      ofstedGrade: 2,
      ofstedDate: "2019-03-12",
      ofstedSource: "ofsted-mi-2022-02",
      ks4Progress8: -0.12,
      ks4Year: "2018/19",
      ks4Source: "dfe-ks4-2018-19",
    });
    expect(school.ofsted).toMatchObject({
      rating: "Good",
      grade: 2,
      inspectedOn: "2019-03-12",
      sourceId: "ofsted-mi-2022-02",
    });
    // An older source's judgement is its overall grade; it carries no key judgements.
    expect(school.ofsted).toMatchObject({
      overall: 2,
      gradeBasis: "OVERALL_EFFECTIVENESS",
      qualityOfEducation: null,
      categoryOfConcern: null,
    });
    expect(school.ks4).toMatchObject({ year: "2018/19", progress8: -0.12, attainment8: null });
  });

  it("when the latest inspection gave no overall grade, then the headline is the lowest key judgement and overall is null", () => {
    const school = toSchool({
      urn: 1,
      name: "A",
      ofstedRating: "Requires improvement",
      ofstedGrade: 3,
      ofstedGradeBasis: "LOWEST_KEY_JUDGEMENT",
      ofstedOverall: null,
      ofstedQualityOfEducation: 3,
      ofstedBehaviourAndAttitudes: 2,
      ofstedDate: "2025-02-04",
      ofstedSource: "ofsted-mi-2025-08-31",
      ks2RwmSeriesYears: ["2023/24", "2024/25"],
      ks2RwmSeriesValues: [29, 31],
      ks2RwmSeriesUrns: [1, 1],
      ks2RwmSeriesCohorts: [91, Number.NaN],
      ks2RwmSeriesDisadvantaged: [26, Number.NaN],
    });
    expect(school.ofsted).toMatchObject({
      grade: 3,
      gradeBasis: "LOWEST_KEY_JUDGEMENT",
      overall: null,
      qualityOfEducation: 3,
      behaviourAndAttitudes: 2,
    });
    expect(school.ks2History).toMatchObject([
      { year: "2023/24", rwmExpected: 29, cohort: 91, disadvantagedRwmExpected: 26, urn: 1 },
      { year: "2024/25", rwmExpected: 31, cohort: null, disadvantagedRwmExpected: null, urn: 1 },
    ]);
  });

  it("when the location is a point, then latitude, longitude, precision and source come through", () => {
    const school = toSchool({
      urn: 1,
      name: "A",
      location: { latitude: 51.5, longitude: -0.07 },
      locationPrecision: "POSTCODE_SECTOR",
      locationSource: "dfe-ks2-2018-19",
    });
    expect(school.location).toEqual({
      latitude: 51.5,
      longitude: -0.07,
      precision: "POSTCODE_SECTOR",
      sourceId: "dfe-ks2-2018-19",
    });
  });

  it("when a stored value has the wrong type or an unknown enum value, then it reads as absent", () => {
    const school = toSchool({
      urn: 1,
      name: "A",
      phase: "KINDERGARTEN",
      rural: "yes",
      laCode: "201",
    });
    expect(school.phase).toBeNull();
    expect(school.rural).toBeNull();
    expect(school.laCode).toBeNull();
  });

  it("when the URN or name is missing, then mapping fails loudly rather than inventing one", () => {
    expect(() => toSchool({ name: "A" })).toThrow(/School.urn/);
    expect(() => toSchool({ urn: 1 })).toThrow(/School.name/);
  });
});
