import { describe, expect, it } from "vitest";
import { boundingBox, EARTH_RADIUS_KM, haversineKm, inBox } from "./geo.js";

const RADIANS = Math.PI / 180;

/** The point `km` away from (latitude, longitude) on `bearing` degrees (great-circle). */
function destination(latitude: number, longitude: number, bearing: number, km: number) {
  const angle = km / EARTH_RADIUS_KM;
  const phi = latitude * RADIANS;
  const theta = bearing * RADIANS;
  const phi2 = Math.asin(
    Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(theta),
  );
  const lambda2 =
    longitude * RADIANS +
    Math.atan2(
      Math.sin(theta) * Math.sin(angle) * Math.cos(phi),
      Math.cos(angle) - Math.sin(phi) * Math.sin(phi2),
    );
  return { latitude: phi2 / RADIANS, longitude: lambda2 / RADIANS };
}

describe("haversineKm", () => {
  it("when two points are one degree of latitude apart, then they are R·π/180 km apart", () => {
    expect(haversineKm(52, -1, 53, -1)).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 180, 9);
  });

  it("when measuring London to Paris, then gives the published 343.5 km", () => {
    // Charing Cross to Notre-Dame, great-circle on the mean-radius sphere.
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.5, 0);
  });

  it("when the points are the same, then the distance is 0, and it is symmetric", () => {
    expect(haversineKm(51, 0.5, 51, 0.5)).toBe(0);
    expect(haversineKm(50.1, -5.5, 55.8, -1.6)).toBe(haversineKm(55.8, -1.6, 50.1, -5.5));
  });

  it("when points are on the equator, then a degree of longitude is as long as one of latitude", () => {
    expect(haversineKm(0, 10, 0, 11)).toBeCloseTo(haversineKm(10, 0, 11, 0), 9);
  });
});

describe("boundingBox", () => {
  it("when points lie on the radius in every direction, then the box holds them all", () => {
    for (const latitude of [50, 52.5, 55.8]) {
      const centre = { latitude, longitude: -1.5 };
      const box = boundingBox(centre, 40);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const edge = destination(latitude, -1.5, bearing, 39.999);
        expect(inBox(box, edge.latitude, edge.longitude)).toBe(true);
      }
    }
  });

  it("when a point is just beyond the radius due north, then the box leaves it out", () => {
    const box = boundingBox({ latitude: 52, longitude: 0 }, 15);
    const beyond = destination(52, 0, 0, 15.01);

    expect(inBox(box, beyond.latitude, beyond.longitude)).toBe(false);
  });

  it("when a location is missing (NaN), then it is never in the box", () => {
    const box = boundingBox({ latitude: 52, longitude: 0 }, 1000);

    expect(inBox(box, Number.NaN, Number.NaN)).toBe(false);
  });
});
