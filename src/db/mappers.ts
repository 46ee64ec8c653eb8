/**
 * Conversions at the repository boundary: driver values (Integer, Point, temporal types)
 * become plain numbers, strings and objects before anything else sees them.
 */
import neo4j, { isDate, isDateTime, isInt, isPoint, isLocalDateTime } from "neo4j-driver";

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Turns a record value into plain JavaScript, recursively. Called on every value of every row,
 * so primitives (most values) return before any driver type is tested for. Lists and maps are
 * converted in place: they are the driver's fresh copies of one record, held by nothing else,
 * and copying them again would double what a page of results allocates.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = toPlain(value[index]);
    return value;
  }
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isPoint(value)) {
    const point = value as { x: number; y: number };
    return { latitude: point.y, longitude: point.x } satisfies LatLng;
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return String(value);
  if ("labels" in value && "properties" in value) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  const map = value as Record<string, unknown>;
  for (const key in map) map[key] = toPlain(map[key]);
  return map;
}

/** A WGS-84 point parameter for Cypher. */
export function wgs84(location: LatLng): unknown {
  return new neo4j.types.Point(4326, location.longitude, location.latitude);
}
