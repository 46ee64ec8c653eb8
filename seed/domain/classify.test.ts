import { describe, expect, it } from "vitest";
import {
  governanceOf,
  isStateFunded,
  normaliseReligiousCharacter,
  ofstedGradeFromCode,
  ofstedGradeFromName,
  partnershipTypeOf,
  phaseFromCensusGrouping,
  phaseFromGias,
  ruralUrbanFromCensusText,
  ruralUrbanOf,
} from "./classify.js";

describe("governanceOf", () => {
  it.each([
    ["Academy converter", "ACADEMY_CONVERTER"],
    ["Academy special converter", "ACADEMY_CONVERTER"],
    ["Academy alternative provision converter", "ACADEMY_CONVERTER"],
    ["Academy 16-19 converter", "ACADEMY_CONVERTER"],
    ["Academy sponsor led", "ACADEMY_SPONSOR_LED"],
    ["Academy 16 to 19 sponsor led", "ACADEMY_SPONSOR_LED"],
    ["Free schools", "FREE_SCHOOL"],
    ["Free schools 16 to 19", "FREE_SCHOOL"],
    ["University technical college", "FREE_SCHOOL"],
    ["Studio schools", "FREE_SCHOOL"],
    ["Community school", "MAINTAINED"],
    ["Voluntary aided school", "MAINTAINED"],
    ["Foundation special school", "MAINTAINED"],
    ["Local authority nursery school", "MAINTAINED"],
    ["Pupil referral unit", "MAINTAINED"],
    ["Other independent school", "INDEPENDENT"],
    ["Other independent special school", "INDEPENDENT"],
    ["Non-maintained special school", "NON_MAINTAINED_SPECIAL"],
    ["City technology college", "OTHER"],
    ["Further education", "OTHER"],
  ])("when the establishment type is %j, then governance is %s", (type, governance) => {
    expect(governanceOf(type)).toBe(governance);
  });
});

describe("isStateFunded", () => {
  it("when a school is independent or non-maintained special, then it is not state-funded", () => {
    expect(isStateFunded("INDEPENDENT")).toBe(false);
    expect(isStateFunded("NON_MAINTAINED_SPECIAL")).toBe(false);
  });

  it("when a school is maintained, an academy, a free school or a CTC, then it is state-funded", () => {
    for (const governance of ["MAINTAINED", "ACADEMY_CONVERTER", "FREE_SCHOOL", "OTHER"] as const) {
      expect(isStateFunded(governance)).toBe(true);
    }
  });
});

describe("phaseFromCensusGrouping", () => {
  it.each([
    ["State-funded primary", "Community school", "PRIMARY"],
    ["State-funded secondary", "Academy converter", "SECONDARY"],
    ["State-funded secondary", "Free schools 16 to 19", "SIXTEEN_PLUS"],
    ["State-funded special school", "Community special school", "SPECIAL"],
    ["Non-maintained special school", "Non-maintained special school", "SPECIAL"],
    ["State-funded nursery", "Local authority nursery school", "NURSERY"],
    ["State-funded AP school", "Pupil referral unit", "ALTERNATIVE_PROVISION"],
    ["Independent school", "Other independent school", "NOT_APPLICABLE"],
  ])("when the grouping is %j (%s), then the phase is %s", (grouping, type, phase) => {
    expect(phaseFromCensusGrouping(grouping, type)).toBe(phase);
  });

  it("when the grouping is unknown, then there is no phase", () => {
    expect(phaseFromCensusGrouping("Something else", "")).toBeNull();
  });
});

describe("phaseFromGias", () => {
  it("when the type is special or alternative provision, then the type decides over the phase", () => {
    expect(phaseFromGias("Not applicable", "Community special school")).toBe("SPECIAL");
    expect(phaseFromGias("Secondary", "Academy alternative provision converter")).toBe(
      "ALTERNATIVE_PROVISION",
    );
  });

  it("when the phase is a middle school or all-through, then it maps to the graph's phase", () => {
    expect(phaseFromGias("Middle deemed primary", "Community school")).toBe("PRIMARY");
    expect(phaseFromGias("Middle deemed secondary", "Academy converter")).toBe("SECONDARY");
    expect(phaseFromGias("All-through", "Academy converter")).toBe("ALL_THROUGH");
    expect(phaseFromGias("16 plus", "Free schools 16 to 19")).toBe("SIXTEEN_PLUS");
    expect(phaseFromGias("Not applicable", "Other independent school")).toBe("NOT_APPLICABLE");
  });
});

describe("Ofsted grades", () => {
  it("when a judgement is named, then its grade follows Ofsted's scale", () => {
    expect(ofstedGradeFromName("Outstanding")).toBe(1);
    expect(ofstedGradeFromName("Good")).toBe(2);
    expect(ofstedGradeFromName("Requires Improvement")).toBe(3);
    expect(ofstedGradeFromName("Satisfactory")).toBe(3);
    expect(ofstedGradeFromName("Special Measures")).toBe(4);
    expect(ofstedGradeFromName("")).toBeNull();
  });

  it("when management information gives 9, then there is no grade", () => {
    expect(ofstedGradeFromCode("2")).toBe(2);
    expect(ofstedGradeFromCode("9")).toBeNull();
    expect(ofstedGradeFromCode("")).toBeNull();
  });
});

describe("partnershipTypeOf", () => {
  it("when a group is a trust or federation, then it is a partnership type", () => {
    expect(partnershipTypeOf("Multi-academy trust")).toBe("MULTI_ACADEMY_TRUST");
    expect(partnershipTypeOf("Umbrella trust")).toBe("UMBRELLA_TRUST");
  });

  it("when a group is a sponsor or children's centres group, then it is not a partnership", () => {
    expect(partnershipTypeOf("School sponsor")).toBeNull();
    expect(partnershipTypeOf("Children's Centres Group")).toBeNull();
  });
});

describe("rural-urban classes", () => {
  it("when the LSOA class is D1, D2, E1 or E2, then the school is rural", () => {
    expect(ruralUrbanOf("D1")?.rural).toBe(true);
    expect(ruralUrbanOf("E2")).toEqual({
      code: "E2",
      name: "Rural village and dispersed in a sparse setting",
      rural: true,
      sparse: true,
    });
    expect(ruralUrbanOf("C2")).toMatchObject({ rural: false, sparse: true });
    expect(ruralUrbanOf("A1")).toMatchObject({ rural: false, sparse: false });
  });

  it("when the census words an output-area class, then hamlets and villages share the LSOA class", () => {
    expect(
      ruralUrbanFromCensusText("(England/Wales) Rural hamlet and isolated dwellings")?.code,
    ).toBe("E1");
    expect(
      ruralUrbanFromCensusText("(England/Wales) Rural village in a sparse setting")?.code,
    ).toBe("E2");
    expect(ruralUrbanFromCensusText("(England/Wales) Urban major conurbation")?.code).toBe("A1");
    expect(ruralUrbanFromCensusText("Unknown")).toBeNull();
  });
});

describe("normaliseReligiousCharacter", () => {
  it("when GIAS says 'Does not apply' or 'None', then it reads as the census's wording", () => {
    expect(normaliseReligiousCharacter("Does not apply")).toBe("No religious character");
    expect(normaliseReligiousCharacter("None")).toBe("No religious character");
    expect(normaliseReligiousCharacter("Roman Catholic")).toBe("Roman Catholic");
  });
});
