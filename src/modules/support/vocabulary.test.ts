import { describe, expect, it } from "vitest";
import { parseDesignation, parseSpecialism, parseSpecialismList } from "./vocabulary.js";

describe("parseDesignation", () => {
  it.each([
    ["NLE", "NLE"],
    ["national leader of education", "NLE"],
    ["Local Leaders of Education", "LLE"],
    ["nlg", "NLG"],
    ["Specialist Leader of Education", "SLE"],
    ["TSH", "TEACHING_SCHOOL_HUB"],
    ["teaching_school_hub", "TEACHING_SCHOOL_HUB"],
  ])("when a list says %s, then the designation is %s", (text, designation) => {
    expect(parseDesignation(text)).toBe(designation);
  });

  it("when a list names something else, then there is no designation", () => {
    expect(parseDesignation("Head of maths")).toBeNull();
  });
});

describe("parseSpecialism and parseSpecialismList", () => {
  it("when DfE's spellings are used, then they map onto the vocabulary", () => {
    expect(parseSpecialism("Maths")).toBe("MATHEMATICS");
    expect(parseSpecialism("Special educational needs")).toBe("SEND");
    expect(parseSpecialism("Pupil premium")).toBe("DISADVANTAGED_PUPILS");
    expect(parseSpecialism("Early Years Foundation Stage")).toBe("EARLY_YEARS");
  });

  it("when a cell lists several, then each known one is kept once and the unknown ones reported", () => {
    expect(parseSpecialismList("Maths; mathematics | Phonics, Astrology;")).toEqual({
      specialisms: ["MATHEMATICS", "ENGLISH"],
      unknown: ["Astrology"],
    });
  });
});
