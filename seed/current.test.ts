import { describe, expect, it } from "vitest";
import { currentMemberships, phaseFromOfsted } from "./current.js";
import type { Partnership } from "./sources/groups.js";
import type { Ofsted2025School } from "./sources/ofsted2025.js";

function listed(
  urn: number,
  trustUid: number | null,
  openedOn: string | null = null,
): Ofsted2025School {
  return {
    urn,
    laestab: 9999999,
    laCode: 999,
    name: `School ${urn}`,
    ofstedPhase: "Primary",
    establishmentType: "Academy Converter",
    openedOn,
    religiousCharacter: null,
    multiAcademyTrustUid: trustUid,
    multiAcademyTrustName: null,
    postcode: null,
    pupils: null,
    statutoryLowAge: null,
    statutoryHighAge: null,
    inspections: [],
  };
}

type Group = Pick<Partnership, "type" | "status" | "closedOn">;
const MAT: Group = { type: "MULTI_ACADEMY_TRUST", status: "OPEN" };
const FEDERATION: Group = { type: "FEDERATION", status: "OPEN" };
const partnerships = new Map<string, Group>([
  ["gias-1", MAT],
  ["gias-2", MAT],
  ["gias-3", FEDERATION],
  ["gias-4", { type: "FEDERATION", status: "CLOSED", closedOn: "2024-08-31" }],
]);
const GROUP_LIST = { source: "groups-2026", asOf: "2026-02-17" };
const link = (urn: number, partnershipId: string) => ({
  urn,
  partnershipId,
  joinedOn: "2018-09-01",
  source: "links-2022",
});

describe("currentMemberships", () => {
  const run = (ofsted: Ofsted2025School[], schools: { urn: number; open?: boolean }[]) =>
    currentMemberships(
      [
        link(10, "gias-1"),
        link(11, "gias-1"),
        link(12, "gias-1"),
        link(13, "gias-3"),
        link(14, "gias-1"),
      ],
      partnerships,
      schools,
      { ofsted: new Map(ofsted.map((s) => [s.urn, s])), ofstedSource: "ofsted-2025" },
      "2022-03-31",
      GROUP_LIST,
    );

  it("when the 2025 file gives a school the same trust, then the membership stands; another trust ends it and joins the new one", () => {
    const { current, former } = run(
      [listed(10, 1), listed(11, 2, "2023-04-01"), listed(12, null), listed(13, null)],
      [{ urn: 10 }, { urn: 11 }, { urn: 12 }, { urn: 13 }, { urn: 14, open: false }],
    );
    expect(current).toEqual([
      link(10, "gias-1"),
      link(13, "gias-3"),
      { urn: 11, partnershipId: "gias-2", joinedOn: "2023-04-01", source: "ofsted-2025" },
    ]);
    expect(former).toEqual([
      expect.objectContaining({
        urn: 11,
        partnershipId: "gias-1",
        leftOn: "2023-04-01",
        leftBy: "2025-08-31",
        reason: "Moved to another multi-academy trust",
      }),
      expect.objectContaining({
        urn: 12,
        leftOn: null,
        reason: "No longer in a multi-academy trust",
      }),
      expect.objectContaining({ urn: 14, reason: "The school closed" }),
    ]);
  });
});

describe("currentMemberships of a group closed since", () => {
  it("when the newest group list shows the federation closed, then the membership ends on its closing date", () => {
    const { current, former } = currentMemberships(
      [link(20, "gias-4")],
      partnerships,
      [{ urn: 20 }],
      { ofsted: new Map([[20, listed(20, null)]]), ofstedSource: "ofsted-2025" },
      "2022-03-31",
      GROUP_LIST,
    );
    expect(current).toEqual([]);
    expect(former).toEqual([
      {
        ...link(20, "gias-4"),
        leftOn: "2024-08-31",
        leftBy: "2026-02-17",
        leftSource: "groups-2026",
        reason: "The partnership closed",
      },
    ]);
  });
});

describe("phaseFromOfsted", () => {
  it("when a secondary takes pupils from 4, then it is all-through; from 16, sixteen plus", () => {
    expect(phaseFromOfsted("Secondary", "Academy Converter", 4)).toBe("ALL_THROUGH");
    expect(phaseFromOfsted("Secondary", "Free School", 16)).toBe("SIXTEEN_PLUS");
    expect(phaseFromOfsted("Secondary", "Academy Converter", 11)).toBe("SECONDARY");
    expect(phaseFromOfsted("PRU", "Pupil Referral Unit", 11)).toBe("ALTERNATIVE_PROVISION");
    expect(phaseFromOfsted("Primary", "Academy Special Converter", 4)).toBe("SPECIAL");
  });
});
