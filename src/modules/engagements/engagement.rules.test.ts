import { describe, expect, it } from "vitest";
import { isOpenEngagement } from "./engagement.rules.js";

describe("isOpenEngagement", () => {
  it("when an engagement has no end, then it is open", () => {
    expect(isOpenEngagement(null, "2024-05-01")).toBe(true);
  });

  it("when its end is after today, then it is open", () => {
    expect(isOpenEngagement("2024-05-02", "2024-05-01")).toBe(true);
  });

  it("when it ends today or ended earlier, then it is closed", () => {
    expect(isOpenEngagement("2024-05-01", "2024-05-01")).toBe(false);
    expect(isOpenEngagement("2024-04-30", "2024-05-01")).toBe(false);
  });
});
