import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** [west, south, east, north] in degrees: Great Britain, Ireland and the near continent. */
export type BoundingBox = readonly [number, number, number, number];
export const GB_BOUNDING_BOX: BoundingBox = [-11, 48.5, 4, 61.5];

export const COASTAL_THRESHOLD_KM = 5;

export const COASTAL_DEFINITION =
  `Within ${COASTAL_THRESHOLD_KM} km of the coastline, measured from the school's location to the ` +
  "nearest edge of the Natural Earth 1:10m land polygons. At that scale estuaries are closed near " +
  "their mouths (the Thames near Gravesend, the Severn below Gloucester), so riverside schools " +
  "upstream, including all of inner London, are not coastal.";

const KM_PER_DEGREE_LATITUDE = 110.574;
const KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;
const RADIANS = Math.PI / 180;

/** A coastline segment from (lon1, lat1) to (lon2, lat2). */
export type Segment = readonly [number, number, number, number];

/**
 * Nearest-coastline distances through a grid of cells, each listing the segments that cross it,
 * so a query looks at a few cells around the point rather than every segment. Distances use a flat
 * projection centred on the query point, which is accurate to well under 1% over the ~100 km that
 * separate any place in England from the sea.
 */
export class CoastIndex {
  private readonly cells = new Map<number, number[]>();

  private constructor(
    private readonly segments: readonly Segment[],
    private readonly cellDegrees: number,
  ) {
    segments.forEach((segment, i) => {
      const [x1, y1, x2, y2] = segment;
      for (let cx = this.cell(Math.min(x1, x2)); cx <= this.cell(Math.max(x1, x2)); cx++) {
        for (let cy = this.cell(Math.min(y1, y2)); cy <= this.cell(Math.max(y1, y2)); cy++) {
          const key = this.key(cx, cy);
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
      }
    });
  }

  static fromSegments(segments: readonly Segment[], cellDegrees = 0.1): CoastIndex {
    return new CoastIndex(segments, cellDegrees);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Kilometres from the point to the nearest coastline segment; Infinity if there is none near. */
  distanceKm(latitude: number, longitude: number): number {
    const kx = KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(latitude * RADIANS);
    const ky = KM_PER_DEGREE_LATITUDE;
    const cx = this.cell(longitude);
    const cy = this.cell(latitude);
    const visited = new Set<number>();
    let best = Infinity;
    const maxRing = Math.ceil(15 / this.cellDegrees);
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let dx = -ring; dx <= ring; dx++) {
        for (let dy = -ring; dy <= ring; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          for (const i of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
            if (visited.has(i)) continue;
            visited.add(i);
            best = Math.min(
              best,
              this.segmentDistance(this.segments[i]!, latitude, longitude, kx, ky),
            );
          }
        }
      }
      // Anything in a further ring is at least `ring` whole cells away in both directions; the
      // narrower side of a cell (longitude, further north) bounds how close that can be.
      const northmost = Math.min(89, Math.abs(latitude) + (ring + 1) * this.cellDegrees);
      const cellKm =
        this.cellDegrees *
        Math.min(ky, KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(northmost * RADIANS));
      if (best <= ring * cellKm) return best;
    }
    return best;
  }

  private segmentDistance(
    segment: Segment,
    latitude: number,
    longitude: number,
    kx: number,
    ky: number,
  ): number {
    const ax = (segment[0] - longitude) * kx;
    const ay = (segment[1] - latitude) * ky;
    const bx = (segment[2] - longitude) * kx;
    const by = (segment[3] - latitude) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t =
      lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    return Math.hypot(ax + t * dx, ay + t * dy);
  }

  private cell(degrees: number): number {
    return Math.floor(degrees / this.cellDegrees);
  }

  private key(cx: number, cy: number): number {
    // Cells span -1800..1800 in x at 0.1 degrees, so 10,000 keeps keys unique.
    return cy * 10_000 + cx;
  }
}

/** Segments of a set of lines that touch the bounding box. */
export function segmentsWithin(
  lines: readonly (readonly (readonly number[])[])[],
  [west, south, east, north]: BoundingBox,
): Segment[] {
  const segments: Segment[] = [];
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const [x1, y1, x2, y2] = [a[0]!, a[1]!, b[0]!, b[1]!];
      if (Math.max(x1, x2) < west || Math.min(x1, x2) > east) continue;
      if (Math.max(y1, y2) < south || Math.min(y1, y2) > north) continue;
      segments.push([x1, y1, x2, y2]);
    }
  }
  return segments;
}

/**
 * The coastline around Great Britain from Natural Earth's 1:10m land polygons (world-atlas
 * land-10m.json). The mesh of the land object is every land/sea boundary exactly once.
 */
export function loadCoastIndex(bbox: BoundingBox = GB_BOUNDING_BOX): CoastIndex {
  const file = createRequire(import.meta.url).resolve("world-atlas/land-10m.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ land: GeometryCollection }>;
  const coastline = mesh(topology, topology.objects.land);
  return CoastIndex.fromSegments(segmentsWithin(coastline.coordinates, bbox));
}

export interface CoastalFacts {
  coastal: boolean;
  coastDistanceKm: number;
}

export function coastalFacts(
  index: CoastIndex,
  latitude: number,
  longitude: number,
): CoastalFacts | null {
  const distance = index.distanceKm(latitude, longitude);
  if (!Number.isFinite(distance)) return null;
  // A tenth of a kilometre: the 1:10m coastline is not more precise than that.
  const coastDistanceKm = Math.round(distance * 10) / 10;
  return { coastal: distance <= COASTAL_THRESHOLD_KM, coastDistanceKm };
}
