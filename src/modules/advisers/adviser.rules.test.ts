import { describe, expect, it } from "vitest";
import type { AdviserRecord, AssignmentTarget } from "./adviser.model.js";
import { checkTargetsFound, schoolsToAssign } from "./adviser.rules.js";

const officer: AdviserRecord = {
  id: "svc-officer",
  name: "A. Officer",
  kind: "COUNCIL_IMPROVEMENT_OFFICER",
  organisation: "Cornwall Council",
  laCode: 908,
  partnershipId: null,
  createdBy: null,
  createdAt: null,
  schoolCount: 1,
};

function target(urn: number, overrides: Partial<AssignmentTarget> = {}): AssignmentTarget {
  return {
    urn,
    found: true,
    name: `School ${urn}`,
    regionCode: "E12000009",
    inCouncil: true,
    inPartnership: false,
    currentAdviser: null,
    ...overrides,
  };
}

describe("assigning an adviser", () => {
  it("when every school is free and the council's, then each is assigned, and those it advises already are left", () => {
    const mine = target(3, { currentAdviser: { id: officer.id, name: officer.name } });
    expect(schoolsToAssign(officer, [target(1), target(2), mine])).toEqual([1, 2]);
  });

  it("when a school is not an open school, then NOT_FOUND names every such URN", () => {
    expect(() =>
      checkTargetsFound([target(1), target(8, { found: false }), target(9, { found: false })]),
    ).toThrow(expect.objectContaining({ message: "No open school has URN 8, 9." }));
  });

  it("when a school is outside the officer's council, then BAD_USER_INPUT names it", () => {
    expect(() => schoolsToAssign(officer, [target(1), target(2, { inCouncil: false })])).toThrow(
      expect.objectContaining({
        message:
          "`input.urns`: a council improvement officer advises only its council's (908) schools; not 2.",
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument: "input.urns" }),
      }),
    );
  });

  it("when a school has another adviser of the kind, then CONFLICT names the school and its adviser", () => {
    const taken = target(2, { currentAdviser: { id: "svc-other", name: "B. Other" } });
    expect(() => schoolsToAssign(officer, [target(1), taken])).toThrow(
      expect.objectContaining({
        message:
          "School 2 (School 2) already has a council improvement officer: B. Other (svc-other). Unassign them first.",
        extensions: expect.objectContaining({ code: "CONFLICT", currentAdviserId: "svc-other" }),
      }),
    );
  });
});
