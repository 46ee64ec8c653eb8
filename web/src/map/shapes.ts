/**
 * The 153 education local authorities' shapes, built with the app (scripts/la-shapes.ts) and
 * fetched once from the service's own origin: no tile server.
 */
import { geoArea } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export interface LaShapeProperties {
  /** DfE 3-digit LA code, as the API's localAuthorityCode. */
  code: number;
  gssCode: string;
  name: string;
  regionCode: string;
}

export type LaShape = Feature<MultiPolygon, LaShapeProperties>;

type LaTopology = Topology<{ localAuthorities: GeometryCollection<LaShapeProperties> }>;

let shapes: Promise<LaShape[]> | null = null;

export function loadLaShapes(): Promise<LaShape[]> {
  shapes ??= fetch("/geo/local-authorities.json")
    .then((response) => {
      if (!response.ok) throw new Error(`The map's shapes answered ${response.status}.`);
      return response.json() as Promise<LaTopology>;
    })
    .then((topology) =>
      (feature(topology, topology.objects.localAuthorities).features as unknown as LaShape[]).map(
        clockwise,
      ),
    )
    .catch((error: unknown) => {
      shapes = null;
      throw error;
    });
  return shapes;
}

/**
 * d3-geo reads a ring drawn anticlockwise (GeoJSON's own convention) as the whole sphere minus the
 * area: each polygon more than a hemisphere big is turned round.
 */
function clockwise(shape: LaShape): LaShape {
  const polygons = shape.geometry.coordinates.map((rings) => {
    const polygon: Polygon = { type: "Polygon", coordinates: rings };
    return geoArea(polygon) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  });
  return { ...shape, geometry: { type: "MultiPolygon", coordinates: polygons } };
}
