import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/index.js";
import {
  checkLocalAuthorityCode,
  checkRegionCode,
  coverageFrom,
  namesContaining,
} from "./geography.service.js";

describe("coverageFrom", () => {
  it("when some schools are in partnerships, then share is their fraction of all schools counted", () => {
    const coverage = coverageFrom({ schools: 8, schoolsInPartnership: 6, memberTypes: [] });
    expect(coverage.share).toBe(0.75);
    expect(coverage.schoolsInPartnership).toBe(6);
  });

  it("when an area has no schools, then its share is 0 rather than NaN", () => {
    expect(coverageFrom({ schools: 0, schoolsInPartnership: 0, memberTypes: [] })).toEqual({
      schools: 0,
      schoolsInPartnership: 0,
      share: 0,
      byType: [],
    });
  });

  it("when schools belong to several types, then each type counts its schools, most common first", () => {
    const coverage = coverageFrom({
      schools: 10,
      schoolsInPartnership: 5,
      memberTypes: [
        "FEDERATION",
        "MULTI_ACADEMY_TRUST",
        "MULTI_ACADEMY_TRUST",
        "MULTI_ACADEMY_TRUST",
        "FEDERATION",
        "TRUST",
      ],
    });
    expect(coverage.byType).toEqual([
      { type: "MULTI_ACADEMY_TRUST", schools: 3, share: 0.3 },
      { type: "FEDERATION", schools: 2, share: 0.2 },
      { type: "TRUST", schools: 1, share: 0.1 },
    ]);
  });

  it("when two types have the same count, then they are listed by name", () => {
    const coverage = coverageFrom({
      schools: 2,
      schoolsInPartnership: 2,
      memberTypes: ["TRUST", "FEDERATION"],
    });
    expect(coverage.byType.map((entry) => entry.type)).toEqual(["FEDERATION", "TRUST"]);
  });
});

describe("code checks", () => {
  it("when codes are well formed, then they are returned unchanged", () => {
    expect(checkRegionCode("E12000007", "code")).toBe("E12000007");
    expect(checkLocalAuthorityCode(201, "code")).toBe(201);
  });

  it.each(["E1200000", "e12000007", "E13000001", "E12000007 "])(
    "when a region code is %j, then a BAD_USER_INPUT error names the argument",
    (code) => {
      expect(() => checkRegionCode(code, "regionCode")).toThrow(ValidationError);
      expect(() => checkRegionCode(code, "regionCode")).toThrow(/regionCode/);
    },
  );

  it.each([99, 1000, 201.5, -201])(
    "when an LA code is %s, then a BAD_USER_INPUT error names the argument",
    (code) => {
      expect(() => checkLocalAuthorityCode(code, "code")).toThrow(/`code`/);
    },
  );
});

describe("namesContaining", () => {
  const places = [
    { name: "St. Helens" },
    { name: "East Sussex" },
    { name: "Bristol, City of" },
    { name: "North West" },
  ];

  it.each([
    ["st helens", ["St. Helens"]],
    ["ST HELEN'S", ["St. Helens"]],
    ["east sussex", ["East Sussex"]],
    ["bristol city", ["Bristol, City of"]],
    ["north-west", ["North West"]],
    ["ex", ["East Sussex"]],
    ["nowhere", []],
  ])("when the search is %j, then %j match", (search, names) => {
    expect(namesContaining(places, search).map((place) => place.name)).toEqual(names);
  });

  it("when the search has no letter or digit, then a BAD_USER_INPUT error names the argument", () => {
    expect(() => namesContaining(places, "--")).toThrow(ValidationError);
  });
});
