/**
 * Great-circle distances and the bounding boxes used to skip far-away schools before computing
 * them. England spans about 6° of latitude, so a spherical Earth (error under 0.5 %) is plenty.
 */
import type { GeoPoint } from "../similarity/similarity.model.js";

/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/** Great-circle distance in km between two WGS-84 points, by the haversine formula. */
export function haversineKm(
  fromLatitude: number,
  fromLongitude: number,
  toLatitude: number,
  toLongitude: number,
): number {
  const dLatitude = (toLatitude - fromLatitude) * RADIANS;
  const dLongitude = (toLongitude - fromLongitude) * RADIANS;
  const h =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(fromLatitude * RADIANS) *
      Math.cos(toLatitude * RADIANS) *
      Math.sin(dLongitude / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/**
 * A latitude/longitude box holding every point within `radiusKm` of `centre`: cheap to test, so
 * only the schools inside it get a haversine. Longitude degrees shrink with cos(latitude), so the
 * box is widened for the box's edge nearest a pole, where they are shortest; it never wraps the
 * antimeridian (England is far from it) and spans all longitudes near the poles.
 */
export function boundingBox(centre: GeoPoint, radiusKm: number): BoundingBox {
  const latitudeSpan = radiusKm / (EARTH_RADIUS_KM * RADIANS);
  const minLatitude = Math.max(-90, centre.latitude - latitudeSpan);
  const maxLatitude = Math.min(90, centre.latitude + latitudeSpan);
  const poleward = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude));
  const cosine = Math.cos(poleward * RADIANS);
  const longitudeSpan = cosine > 1e-9 ? latitudeSpan / cosine : 180;
  return {
    minLatitude,
    maxLatitude,
    minLongitude: Math.max(-180, centre.longitude - longitudeSpan),
    maxLongitude: Math.min(180, centre.longitude + longitudeSpan),
  };
}

export function inBox(box: BoundingBox, latitude: number, longitude: number): boolean {
  return (
    latitude >= box.minLatitude &&
    latitude <= box.maxLatitude &&
    longitude >= box.minLongitude &&
    longitude <= box.maxLongitude
  );
}
