import { describe, expect, it } from "vitest";
import { buildPostcodeCentroids, locateSchool } from "./location.js";

const centroids = buildPostcodeCentroids([
  { postcode: "EC3A 5DE", latitude: 51.5, longitude: -0.08 },
  { postcode: "EC3A 5AB", latitude: 51.6, longitude: -0.06 },
  { postcode: "EC3A 7QQ", latitude: 51.7, longitude: -0.1 },
]);

describe("locateSchool", () => {
  it("when the school has published coordinates, then they are used exactly", () => {
    const exact = { latitude: 51.513662, longitude: -0.077486, source: "ks2" };
    expect(locateSchool(exact, "EC3A 5DE", centroids)).toEqual({ ...exact, precision: "EXACT" });
  });

  it("when schools with coordinates share its postcode sector, then their centroid locates it", () => {
    expect(locateSchool(null, "EC3A 5ZZ", centroids)).toEqual({
      latitude: 51.55,
      longitude: -0.07,
      precision: "POSTCODE_SECTOR",
      source: "derived:postcode-sector-centroid",
    });
  });

  it("when its sector has none but its district has, then the district centroid locates it", () => {
    expect(locateSchool(null, "EC3A 9XX", centroids)).toEqual({
      latitude: 51.6,
      longitude: -0.08,
      precision: "POSTCODE_DISTRICT",
      source: "derived:postcode-district-centroid",
    });
  });

  it("when neither its sector nor district has known schools, or there is no postcode, then there is no location", () => {
    expect(locateSchool(null, "TR1 1AA", centroids)).toBeNull();
    expect(locateSchool(null, null, centroids)).toBeNull();
  });
});
