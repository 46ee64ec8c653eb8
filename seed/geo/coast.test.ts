import { beforeAll, describe, expect, it } from "vitest";
import { CoastIndex, coastalFacts, loadCoastIndex, segmentsWithin } from "./coast.js";

describe("CoastIndex with a known coastline", () => {
  // A straight north-south "coast" along longitude 0 between 50N and 52N.
  const index = CoastIndex.fromSegments(
    segmentsWithin(
      [
        [
          [0, 50],
          [0, 51],
          [0, 52],
        ],
      ],
      [-5, 45, 5, 60],
    ),
  );

  it("when a point is beside the line, then the distance is the east-west gap", () => {
    const kmPerDegree = 111.32 * Math.cos((51 * Math.PI) / 180);
    expect(index.distanceKm(51, 0.1)).toBeCloseTo(0.1 * kmPerDegree, 6);
  });

  it("when a point is beyond the end of the line, then the distance is to the end point", () => {
    expect(index.distanceKm(52.5, 0)).toBeCloseTo(0.5 * 110.574, 6);
  });

  it("when a point is many cells away, then the search widens until it finds the line", () => {
    const kmPerDegree = 111.32 * Math.cos((51 * Math.PI) / 180);
    expect(index.distanceKm(51, -2)).toBeCloseTo(2 * kmPerDegree, 6);
  });

  it("when the point is within 5 km, then it is coastal, with the distance to 0.1 km", () => {
    expect(coastalFacts(index, 51, 0.05)).toEqual({ coastal: true, coastDistanceKm: 3.5 });
    expect(coastalFacts(index, 51, 0.1)).toEqual({ coastal: false, coastDistanceKm: 7 });
  });
});

describe("the Natural Earth coastline of Great Britain", () => {
  let index: CoastIndex;
  beforeAll(() => {
    index = loadCoastIndex();
  });

  it.each([
    ["Penzance", 50.1186, -5.5372],
    ["St Ives", 50.2085, -5.4907],
    ["Blackpool", 53.8175, -3.0357],
    ["Scarborough", 54.2831, -0.3998],
  ])("when a school is in %s, then it is coastal", (_town, latitude, longitude) => {
    expect(coastalFacts(index, latitude, longitude)?.coastal).toBe(true);
  });

  it.each([
    ["the City of London (Aldgate)", 51.5137, -0.0775],
    ["Westminster", 51.4995, -0.1248],
    ["Greenwich, on the Thames", 51.4826, -0.0077],
    ["Birmingham", 52.4862, -1.8904],
  ])("when a school is in %s, then it is not coastal", (_place, latitude, longitude) => {
    expect(coastalFacts(index, latitude, longitude)?.coastal).toBe(false);
  });

  it("when a school is in the Midlands, then it is far inland", () => {
    expect(index.distanceKm(52.7397, -1.6387)).toBeGreaterThan(80);
  });
});
