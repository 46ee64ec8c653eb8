import { describe, expect, it } from "vitest";
import {
  draw,
  generateDesignations,
  GENERATOR,
  holderFor,
  meetsLleCriteria,
  meetsNleCriteria,
  strengths,
  TAKE_UP,
  type GeneratorSchool,
} from "./generator.js";

function school(overrides: Partial<GeneratorSchool> = {}): GeneratorSchool {
  return {
    urn: 100000,
    name: "Test Primary School",
    phase: "PRIMARY",
    stateFunded: true,
    hasLocation: true,
    ofstedGrade: 1,
    ks2ReadingProgress: 2.5,
    ks2WritingProgress: 1.5,
    ks2MathsProgress: 3,
    ks2RwmExpected: 80,
    ks4Progress8: null,
    ks4Progress8Band: null,
    head: null,
    ...overrides,
  };
}

describe("DfE criteria", () => {
  it("when a primary is Outstanding with strong progress sustained in later results, then it meets the NLE criteria", () => {
    expect(meetsNleCriteria(school())).toBe(true);
  });

  it("when any of the NLE criteria fails, then it does not meet them", () => {
    expect(meetsNleCriteria(school({ ofstedGrade: 2 }))).toBe(false);
    expect(meetsNleCriteria(school({ ks2WritingProgress: -0.1 }))).toBe(false);
    expect(meetsNleCriteria(school({ ks2RwmExpected: 65 }))).toBe(false);
    expect(meetsNleCriteria(school({ ks2MathsProgress: null }))).toBe(false);
  });

  it("when a secondary has P8 ≥ 0.3 and a 2023/24 band above average, then it meets the NLE criteria", () => {
    const secondary = school({
      phase: "SECONDARY",
      ks4Progress8: 0.4,
      ks4Progress8Band: "Well above average",
    });

    expect(meetsNleCriteria(secondary)).toBe(true);
    expect(meetsNleCriteria({ ...secondary, ks4Progress8Band: "Average" })).toBe(false);
  });

  it("when a Good school has about average results, then it meets the LLE criteria", () => {
    const good = school({
      ofstedGrade: 2,
      ks2ReadingProgress: 0,
      ks2WritingProgress: 0.5,
      ks2MathsProgress: 0,
      ks2RwmExpected: 63,
    });

    expect(meetsLleCriteria(good)).toBe(true);
    expect(meetsLleCriteria({ ...good, ks2RwmExpected: 50 })).toBe(false);
  });

  it("when results are strong in a subject or the school is special, then that is its strength", () => {
    expect(strengths(school())).toEqual(["ENGLISH", "MATHEMATICS"]);
    expect(strengths(school({ phase: "SPECIAL" }))).toEqual(["SEND", "ENGLISH", "MATHEMATICS"]);
    expect(
      strengths(
        school({
          phase: "SECONDARY",
          ks2ReadingProgress: null,
          ks2WritingProgress: null,
          ks2MathsProgress: null,
          ks4Progress8: 0.6,
        }),
      ),
    ).toEqual(["CURRICULUM"]);
  });
});

describe("generateDesignations", () => {
  const schools = Array.from({ length: 400 }, (_, i) => school({ urn: 100000 + i }));

  it("when run twice with the same seed, then the same designations come out", () => {
    expect(generateDesignations(schools, 7)).toEqual(
      generateDesignations([...schools].reverse(), 7),
    );
  });

  it("when schools come and go, then the others keep their designations", () => {
    const all = generateDesignations(schools, 7).filter((d) => d.urn < 100200);
    const fewer = generateDesignations(schools.slice(0, 200), 7);

    expect(fewer).toEqual(all);
  });

  it("when every school is eligible, then each designation's share is near its take-up", () => {
    const generated = generateDesignations(schools, GENERATOR.seed);
    const share = (designation: string) =>
      generated.filter((d) => d.designation === designation).length / schools.length;

    expect(share("NLE")).toBeCloseTo(TAKE_UP.NLE, 1);
    expect(share("NLG")).toBeCloseTo(TAKE_UP.NLG, 1);
    expect(share("LLE")).toBe(0); // an NLE-eligible head is not also offered LLE
  });

  it("when a school is not state-funded, has no Ofsted grade or no location, then it is never designated", () => {
    const ineligible = [
      school({ urn: 1, stateFunded: false }),
      school({ urn: 2, ofstedGrade: null }),
      school({ urn: 3, hasLocation: false }),
    ];

    expect(generateDesignations(ineligible, 1)).toEqual([]);
  });

  it("when draws are made, then they fall in [0, 1) and depend on seed, designation and URN", () => {
    const value = draw(1, "NLE", 100000);

    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
    expect(draw(1, "NLE", 100000)).toBe(value);
    expect(draw(2, "NLE", 100000)).not.toBe(value);
    expect(draw(1, "NLG", 100000)).not.toBe(value);
  });
});

describe("holderFor", () => {
  it("when GIAS names the head, then an NLE is held by them; otherwise by a placeholder named after the post", () => {
    const named = school({ head: { id: "gias-head-100000-jo-bloggs", name: "Jo Bloggs" } });

    expect(holderFor("NLE", named)).toEqual({
      kind: "LEADER",
      id: "gias-head-100000-jo-bloggs",
      name: "Jo Bloggs",
    });
    expect(holderFor("LLE", school())).toEqual({
      kind: "PLACEHOLDER",
      id: "placeholder-head-100000",
      name: "Headteacher of Test Primary School",
      role: "Headteacher",
    });
    expect(holderFor("NLG", named, 2)).toMatchObject({
      id: "placeholder-governor-100000-2",
      name: "Governor of Test Primary School",
    });
  });
});
