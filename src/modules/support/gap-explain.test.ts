import { describe, expect, it } from "vitest";
import type { AreaGap } from "./gap.model.js";
import { explainGap } from "./gap-explain.js";
import { DEFAULT_GAP_PARAMETERS } from "./support.rules.js";

const GAP: AreaGap = {
  area: { level: "LOCAL_AUTHORITY", code: "E08000011", name: "Knowsley" },
  supplyMode: "REAL",
  laCode: 340,
  regionCode: "E12000002",
  totalSchools: 60,
  needSchools: 15,
  needPupils: 4210,
  needWeight: 18,
  supply: 9.5,
  trustSupply: 7.25,
  leadersWithinReach: 0,
  hubsWithinReach: 1,
  partnershipRate: 0.5,
  coverage: 0.6,
  unmetNeed: 7.2,
  gapIndex: 12,
  ruralShare: 0,
  coastalShare: 0.1,
  rural: false,
  coastal: false,
  sameAsLocalAuthority: false,
  needUrns: [],
};

describe("explainGap", () => {
  it("when an area is explained, then every figure has one line with the area's own numbers", () => {
    const lines = explainGap(GAP, DEFAULT_GAP_PARAMETERS);
    const figures = lines.map((line) => line.figure);

    expect(new Set(figures).size).toBe(figures.length);
    for (const figure of [
      "totalSchools",
      "needSchools",
      "needWeight",
      "supply",
      "trustSupply",
      "leadersWithinReach",
      "hubsWithinReach",
      "partnershipRate",
      "coverage",
      "unmetNeed",
      "gapIndex",
      "rural",
      "coastal",
    ]) {
      expect(figures).toContain(figure);
    }
    const text = Object.fromEntries(lines.map((line) => [line.figure, line.text]));
    expect(text["needWeight"]).toContain("3 band-1 schools");
    expect(text["needWeight"]).toContain("12 band-2 schools");
    expect(text["supply"]).toContain("9.5 support places");
    expect(text["supply"]).toContain("REAL");
    expect(text["gapIndex"]).toContain("per 100 schools");
    expect(lines.every((line) => !line.text.includes("\n"))).toBe(true);
  });
});
