import type { FeatureCollection, Polygon } from "geojson";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import { dissolveDistricts, type DistrictProperties } from "./la-shapes.js";

function square(
  x: number,
  y: number,
  lad: string,
  utla: string,
): FeatureCollection<Polygon, DistrictProperties>["features"][number] {
  return {
    type: "Feature",
    properties: { LAD24CD: lad, UTLACD: utla, UTLANM: `Authority ${utla}`, RGNCD: "E12000002" },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    },
  };
}

describe("dissolveDistricts", () => {
  const districts: FeatureCollection<Polygon, DistrictProperties> = {
    type: "FeatureCollection",
    features: [
      square(0, 0, "E07000001", "E10000001"),
      square(1, 0, "E07000002", "E10000001"),
      square(5, 5, "E06000001", "E06000001"),
    ],
  };

  it("when two districts share an authority, then they make one shape without their shared border, keyed by the DfE code", () => {
    const codes = new Map([
      ["E10000001", 888],
      ["E06000001", 805],
    ]);
    const topology = dissolveDistricts(districts, codes);
    const shapes = feature(topology, topology.objects.localAuthorities).features;
    expect(shapes.map((shape) => shape.properties)).toEqual([
      { code: 805, gssCode: "E06000001", name: "Authority E06000001", regionCode: "E12000002" },
      { code: 888, gssCode: "E10000001", name: "Authority E10000001", regionCode: "E12000002" },
    ]);
    const county = shapes[1]!.geometry;
    expect(county.type).toBe("MultiPolygon");
    // One polygon with one ring of the 2x1 rectangle's corners (plus the closing point and the
    // two points where the districts met).
    const rings = county.type === "MultiPolygon" ? county.coordinates : [];
    expect(rings).toHaveLength(1);
    const xs = rings[0]![0]!.map(([x]) => Math.round(x! * 1000) / 1000);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(2);
  });

  it("when an authority has no DfE code, then it fails naming the authority", () => {
    expect(() => dissolveDistricts(districts, new Map([["E10000001", 888]]))).toThrow(
      /No DfE LA code for E06000001/,
    );
  });
});
