import { postcodeDistrict, postcodeSector, roundTo } from "../csv/values.js";
import type { Location } from "../domain/school.js";

export interface KnownPoint {
  postcode: string;
  latitude: number;
  longitude: number;
}

interface Sum {
  latitude: number;
  longitude: number;
  count: number;
}

export interface PostcodeCentroids {
  sectors: ReadonlyMap<string, Sum>;
  districts: ReadonlyMap<string, Sum>;
}

export const SECTOR_CENTROID_SOURCE = "derived:postcode-sector-centroid";
export const DISTRICT_CENTROID_SOURCE = "derived:postcode-district-centroid";

function add(map: Map<string, Sum>, key: string, point: KnownPoint): void {
  const sum = map.get(key) ?? { latitude: 0, longitude: 0, count: 0 };
  sum.latitude += point.latitude;
  sum.longitude += point.longitude;
  sum.count += 1;
  map.set(key, sum);
}

/** Sums of the known school locations per postcode sector and district. */
export function buildPostcodeCentroids(points: Iterable<KnownPoint>): PostcodeCentroids {
  const sectors = new Map<string, Sum>();
  const districts = new Map<string, Sum>();
  for (const point of points) {
    add(sectors, postcodeSector(point.postcode), point);
    add(districts, postcodeDistrict(point.postcode), point);
  }
  return { sectors, districts };
}

function centroid(sum: Sum): { latitude: number; longitude: number } {
  // Six decimals is about 0.1 m: more than the estimate deserves, but stable across runs.
  return {
    latitude: roundTo(sum.latitude / sum.count, 6),
    longitude: roundTo(sum.longitude / sum.count, 6),
  };
}

/**
 * A school's location: its published coordinates when there are any, otherwise the centroid of
 * schools with published coordinates in the same postcode sector, then district. Schools cluster
 * where people live, so their centroid is a better guess than the geometric centre of the area.
 */
export function locateSchool(
  exact: { latitude: number; longitude: number; source: string } | null,
  postcode: string | null,
  centroids: PostcodeCentroids,
): Location | null {
  if (exact) return { ...exact, precision: "EXACT" };
  if (postcode === null) return null;
  const sector = centroids.sectors.get(postcodeSector(postcode));
  if (sector)
    return { ...centroid(sector), precision: "POSTCODE_SECTOR", source: SECTOR_CENTROID_SOURCE };
  const district = centroids.districts.get(postcodeDistrict(postcode));
  if (district) {
    return {
      ...centroid(district),
      precision: "POSTCODE_DISTRICT",
      source: DISTRICT_CENTROID_SOURCE,
    };
  }
  return null;
}
