import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/table.js";
import { COASTAL_TOWN_COLUMNS, coastalTown, parseCoastalTowns, townKey } from "./coastal-towns.js";

const CSV = [
  "town_code,town_name,region,coastal",
  "E1,Widnes BUA,North West,Non-coastal",
  "E2,Plymouth BUASD,South West,Coastal",
  "E3,Dorchester (West Dorset) BUA,South West,Non-coastal",
  "E4,Newtown BUA,North West,Coastal",
  "E5,Newtown BUASD,North West,Non-coastal",
  "E6,Nowhere BUA,South West,NA",
].join("\n");

function towns() {
  return parseCoastalTowns(parseCsv(CSV, "towns.csv", { required: COASTAL_TOWN_COLUMNS }));
}

describe("coastal towns", () => {
  it("when a school's town and region match a classified town, then it takes the ONS flag", () => {
    const { records } = towns();

    expect(coastalTown(records, "Widnes", "North West")).toBe(false);
    expect(coastalTown(records, "PLYMOUTH", "South West")).toBe(true);
    expect(coastalTown(records, "Dorchester", "South West")).toBe(false);
  });

  it("when the town is unlisted, in another region, listed with both flags or unclassified, then it is not classified", () => {
    const { records, skipped } = towns();

    expect(coastalTown(records, "Widnes", "South West")).toBeNull();
    expect(coastalTown(records, "Newtown", "North West")).toBeNull();
    expect(coastalTown(records, "Nowhere", "South West")).toBeNull();
    expect(coastalTown(records, null, "South West")).toBeNull();
    expect(skipped.total).toBe(1);
  });

  it("when names carry the ONS suffix or a bracket, then they compare without them", () => {
    expect(townKey("Dorchester (West Dorset) BUA")).toBe("dorchester");
    expect(townKey("Stockton-on-Tees BUASD")).toBe("stockton on tees");
  });
});
