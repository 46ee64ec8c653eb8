import { describe, expect, it } from "vitest";
import { COLLABORATION_MODELS } from "../../../seed/collaboration/models.js";
import type { SchoolMembership, SchoolStanding } from "./collaboration.model.js";
import { Catalogue, availability, categoryOf, roadmap } from "./collaboration.rules.js";

const catalogue = new Catalogue(COLLABORATION_MODELS);

function school(
  governance: string | null,
  memberships: Partial<SchoolMembership>[] = [],
): SchoolStanding {
  return {
    urn: 1,
    name: "Test School",
    governance,
    stateFunded: governance === null ? null : governance !== "INDEPENDENT",
    regionCode: "E12000007",
    memberships: memberships.map((membership, i) => ({
      partnershipId: `p${i}`,
      partnershipName: `Partnership ${i}`,
      partnershipType: null,
      partnershipStatus: "Open",
      modelId: null,
      ...membership,
    })),
  };
}

function model(id: string) {
  const found = catalogue.get(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
}

describe("the catalogue", () => {
  it("when it is read, then it holds the twelve models the issue names, each complete", () => {
    expect(COLLABORATION_MODELS.map((m) => m.id)).toEqual([
      "informal-collaboration",
      "cluster",
      "soft-federation",
      "hard-federation",
      "trust",
      "co-operative-trust",
      "umbrella-trust",
      "single-academy-trust",
      "multi-academy-trust",
      "teaching-school-hub",
      "independent-state-school-partnership",
      "school-improvement-board",
    ]);
    for (const m of COLLABORATION_MODELS) {
      expect(m.legalForm && m.governance && m.leavingProcedure && m.typicalCosts).toBeTruthy();
      expect(m.advantages.length).toBeGreaterThan(0);
      expect(m.disadvantages.length).toBeGreaterThan(0);
      for (const route of Object.values(m.joining)) {
        expect(route.steps.length > 0).toBe(route.eligibility !== "NOT_ELIGIBLE");
      }
      expect(m.noticeDays !== null).toBe(m.leavingRule === "NOTICE");
    }
  });

  it("when partnership types are looked up, then each has exactly one primary model", () => {
    const primaries = COLLABORATION_MODELS.filter((m) => m.primaryForType).map(
      (m) => m.partnershipType,
    );
    expect(new Set(primaries).size).toBe(primaries.length);
    expect(catalogue.modelOf({ modelId: null, partnershipType: "FEDERATION" })?.id).toBe(
      "hard-federation",
    );
    expect(
      catalogue.modelOf({ modelId: "soft-federation", partnershipType: "FEDERATION" })?.id,
    ).toBe("soft-federation");
  });
});

describe("categoryOf", () => {
  it.each([
    ["MAINTAINED", true, "MAINTAINED"],
    ["ACADEMY_CONVERTER", true, "ACADEMY"],
    ["ACADEMY_SPONSOR_LED", true, "ACADEMY"],
    ["FREE_SCHOOL", true, "ACADEMY"],
    ["OTHER", true, "ACADEMY"],
    ["INDEPENDENT", false, "INDEPENDENT"],
    ["NON_MAINTAINED_SPECIAL", false, "INDEPENDENT"],
    [null, false, "INDEPENDENT"],
    [null, null, null],
  ] as const)(
    "when governance is %s and state-funded %s, then the category is %s",
    (g, sf, category) => {
      expect(categoryOf(g, sf)).toBe(category);
    },
  );
});

describe("availability", () => {
  it("when a maintained school looks at a multi-academy trust, then it is open after conversion with the conversion steps", () => {
    const verdict = availability(school("MAINTAINED"), model("multi-academy-trust"), catalogue);
    expect(verdict).toMatchObject({ available: true, eligibility: "AFTER_CONVERSION" });
    expect(verdict.available && verdict.steps.join(" ")).toMatch(/academy order/);
  });

  it("when an academy already in a multi-academy trust looks at another, then it is unavailable and the reason names the trust and how to leave", () => {
    const inTrust = school("ACADEMY_CONVERTER", [
      { partnershipName: "Harris Federation", partnershipType: "MULTI_ACADEMY_TRUST" },
    ]);
    const verdict = availability(inTrust, model("multi-academy-trust"), catalogue);
    expect(verdict.available).toBe(false);
    expect(!verdict.available && verdict.reason).toMatch(/Harris Federation.*regional director/);
  });

  it("when a school is in a cluster, then it can still join another cluster and the roadmap names the one it is in", () => {
    const inCluster = school("MAINTAINED", [{ partnershipId: "svc-1", modelId: "cluster" }]);
    const verdict = availability(inCluster, model("cluster"), catalogue);
    expect(verdict).toMatchObject({ available: true, existingPartnershipIds: ["svc-1"] });
  });

  it("when a school is in a statutory federation, then a soft federation is still open but another hard federation is not", () => {
    const federated = school("MAINTAINED", [{ partnershipType: "FEDERATION" }]);
    expect(availability(federated, model("soft-federation"), catalogue).available).toBe(true);
    expect(availability(federated, model("hard-federation"), catalogue).available).toBe(false);
  });

  it("when governance is unknown, then nothing is available and the reason says why", () => {
    const unknown = school(null);
    const result = roadmap(unknown, catalogue);
    expect(result.options).toEqual([]);
    expect(result.unavailable[0]?.reason).toMatch(/not recorded/);
  });
});

describe("roadmap", () => {
  it("when an independent school asks, then it sees the models open to it and why the others are not", () => {
    const result = roadmap(school("INDEPENDENT"), catalogue);
    expect(result.category).toBe("INDEPENDENT");
    expect(result.options.map((option) => option.model.id)).toEqual([
      "informal-collaboration",
      "cluster",
      "teaching-school-hub",
      "independent-state-school-partnership",
    ]);
    expect(result.options.length + result.unavailable.length).toBe(COLLABORATION_MODELS.length);
    expect(result.unavailable.find((u) => u.model.id === "hard-federation")?.reason).toMatch(
      /not open to independent schools/,
    );
  });
});
