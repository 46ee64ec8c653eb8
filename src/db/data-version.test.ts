import { describe, expect, it } from "vitest";
import { areasChanged, dataVersionKey, type DataVersion } from "./data-version.js";

const at = (version: number, areas: Record<string, number>, today = "2026-12-06"): DataVersion => ({
  epoch: "e1",
  version,
  areas,
  today,
});

describe("data version", () => {
  it("names the areas written since the version held", () => {
    const held = at(10, { seed: 3, engagements: 9 });
    expect(areasChanged(held, at(12, { seed: 3, engagements: 12 }))).toEqual(["engagements"]);
    expect(areasChanged(held, at(13, { seed: 3, engagements: 12, proposals: 13 }))).toEqual([
      "engagements",
      "proposals",
    ]);
    expect(areasChanged(held, held)).toEqual([]);
  });

  it("cannot tell what changed across a day, an epoch or a reading older than the one held", () => {
    const held = at(10, { engagements: 9 });
    expect(areasChanged(held, at(10, { engagements: 9 }, "2026-12-07"))).toBeNull();
    expect(areasChanged(held, { ...at(11, { engagements: 11 }), epoch: "e2" })).toBeNull();
    expect(areasChanged(held, at(9, { engagements: 9 }))).toBeNull();
  });

  it("keys a reading by epoch, version and day", () => {
    expect(dataVersionKey(at(10, { seed: 3 }))).toBe("e1:10@2026-12-06");
    expect(dataVersionKey(at(10, { seed: 3 }, "2026-12-07"))).not.toBe(
      dataVersionKey(at(10, { seed: 3 })),
    );
  });
});
