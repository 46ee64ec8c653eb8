import { describe, expect, it } from "vitest";
import { changeSides, changedFields, outcomeOf } from "./import.diff.js";

describe("changedFields", () => {
  it("when every wanted field equals the stored one, then nothing changed", () => {
    expect(changedFields({ name: "A", laCode: 332 }, { name: "A", laCode: 332 })).toEqual([]);
  });

  it("when a field differs, then it is listed with both values", () => {
    expect(changedFields({ name: "A", amountPence: 100 }, { name: "A", amountPence: 150 })).toEqual(
      [{ field: "amountPence", from: 100, to: 150 }],
    );
  });

  it("when a wanted field is undefined (a blank 'today' date), then the stored value is kept", () => {
    expect(changedFields({ since: "2024-09-01" }, { since: undefined })).toEqual([]);
  });

  it("when null is wanted and nothing is stored, then they are the same", () => {
    expect(changedFields({}, { matchedBy: null })).toEqual([]);
  });

  it("when null replaces a stored value, then it is a change", () => {
    expect(changedFields({ partnershipId: "gias-1" }, { partnershipId: null })).toEqual([
      { field: "partnershipId", from: "gias-1", to: null },
    ]);
  });
});

describe("outcomeOf", () => {
  it("when nothing is stored under the key, then the row is imported", () => {
    expect(outcomeOf(null, [])).toBe("imported");
  });

  it("when something is stored and nothing changed, then the row is unchanged", () => {
    expect(outcomeOf({ id: "x" }, [])).toBe("unchanged");
  });

  it("when something is stored and a field changed, then the row is updated", () => {
    expect(outcomeOf({ id: "x" }, [{ field: "name", from: "A", to: "B" }])).toBe("updated");
  });
});

describe("changeSides", () => {
  it("when fields changed, then before and after hold only those fields", () => {
    expect(changeSides([{ field: "name", from: "A", to: "B" }])).toEqual({
      before: { name: "A" },
      after: { name: "B" },
    });
  });
});
