/**
 * Parsers for values read from graph rows. Rows come back as plain JavaScript (see db/mappers),
 * but the graph is filled by an importer, so each value is checked at the boundary: a property
 * of the wrong type is treated as absent rather than passed on to the API.
 */

export type Properties = Record<string, unknown>;

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Numbers and numeric-looking years both arrive; years are shown as text ("2022/23" or "2019"). */
export function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function asNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function asInt(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

export function asBoolean(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

export function asProperties(value: unknown): Properties | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Properties)
    : null;
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A calendar date as YYYY-MM-DD. Dates are stored as Cypher dates, but a datetime or an ISO
 * string is cut to its date so a change of storage type in the importer does not break reads.
 */
export function asDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1] ?? null;
}

/** One of a fixed set of values, or null when the stored value is outside the set. */
export function asMember<T extends string>(allowed: readonly T[], value: unknown): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : null;
}

export function requireString(value: unknown, what: string): string {
  const parsed = asString(value);
  if (parsed === null) throw new Error(`Graph row without ${what}: ${JSON.stringify(value)}`);
  return parsed;
}

export function requireInt(value: unknown, what: string): number {
  const parsed = asInt(value);
  if (parsed === null) throw new Error(`Graph row without ${what}: ${JSON.stringify(value)}`);
  return parsed;
}
