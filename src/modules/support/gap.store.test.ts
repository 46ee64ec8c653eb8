import { describe, expect, it } from "vitest";
import type { DataVersion } from "../../db/data-version.js";
import { onlyEngagementsChanged } from "./gap.store.js";

const before: DataVersion = {
  epoch: "e",
  version: 10,
  areas: { engagements: 9, audit: 9, seed: 1 },
  today: "2026-12-06",
};
const after = (areas: string[], changes: Partial<DataVersion> = {}): DataVersion => ({
  ...before,
  version: 11,
  areas: { ...before.areas, ...Object.fromEntries(areas.map((area) => [area, 11])) },
  ...changes,
});

describe("onlyEngagementsChanged", () => {
  it("when an engagement was recorded with its audit event, then only engagements need reading again", () => {
    expect(onlyEngagementsChanged(before, after(["engagements", "audit"]))).toBe(true);
    expect(onlyEngagementsChanged(before, after(["engagements"]))).toBe(true);
  });

  it("when anything else the snapshot holds was written, or nothing, then it is not engagements only", () => {
    expect(onlyEngagementsChanged(before, after(["engagements", "offers", "audit"]))).toBe(false);
    expect(onlyEngagementsChanged(before, after(["system-leaders", "audit"]))).toBe(false);
    expect(onlyEngagementsChanged(before, after(["audit"]))).toBe(false);
    expect(onlyEngagementsChanged(before, before)).toBe(false);
  });

  it("when the day or the epoch changed, then the change cannot be told apart", () => {
    expect(onlyEngagementsChanged(before, after(["engagements"], { today: "2026-12-07" }))).toBe(
      false,
    );
    expect(onlyEngagementsChanged(before, after(["engagements"], { epoch: "f" }))).toBe(false);
  });
});
