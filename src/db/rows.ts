/**
 * The shapes of graph rows, checked at the repository boundary with zod. Rows arrive as plain
 * JavaScript (see mappers.ts). The graph is filled by importers, so a value is checked before
 * the API sees it:
 * - an optional cell (`cell.string`, `cell.int`, ...) of the wrong type or missing reads as
 *   null, as an absent property would: one odd value in the open data does not fail a query;
 * - a key cell (`key.string`, `key.int`) must be there: a row without its identity is a broken
 *   statement, reported as an internal error naming the statement and the field.
 *
 * A repository describes each row once, next to the statement that returns it:
 *
 *   const RegionRow = z.object({ code: key.string, name: cell.string });
 *   const regions = parseRows(RegionRow, await db.read("geography/findAllRegions"), "geography/findAllRegions");
 */
import { z } from "zod";
import { RowShapeError } from "../errors/index.js";

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;

/** Cells that read as null when missing or of another type. */
export const cell = {
  string: z.string().nullable().catch(null),
  /** Years stored as numbers or text both read as text ("2022/23", "2019"). */
  text: z
    .union([z.string(), z.number().refine(Number.isFinite).transform(String)])
    .nullable()
    .catch(null),
  number: z.number().refine(Number.isFinite).nullable().catch(null),
  int: z.number().int().nullable().catch(null),
  boolean: z.boolean().nullable().catch(null),
  /**
   * A calendar date as YYYY-MM-DD. Dates are stored as Cypher dates, but a datetime or an ISO
   * string is cut to its date, so a change of storage type in an importer does not break reads.
   */
  date: z
    .string()
    .regex(DATE_PREFIX)
    .transform((value) => value.slice(0, 10))
    .nullable()
    .catch(null),
  /** One of a fixed set of values, or null when the stored value is outside the set. */
  member: <T extends string>(allowed: readonly [T, ...T[]]) =>
    z.enum(allowed).nullable().catch(null),
  /** A list of cells of one kind; entries that fail the cell's check are dropped. */
  list: <T>(item: z.ZodType<T>) =>
    z
      .array(z.unknown())
      .catch([])
      .transform((values) => values.map((value) => item.parse(value)).filter(isPresent)),
  /** A node's properties or a map, checked with `shape`; null when absent. */
  map: <T extends z.ZodType>(shape: T) => shape.nullable().catch(null),
};

/** A cell read as `fallback` where it would read as null: `or(cell.int, 0)`. */
export function or<T>(schema: z.ZodType<T | null>, fallback: T): z.ZodType<T> {
  return schema.transform((value) => value ?? fallback);
}

/** Cells a row cannot do without: the identity of what it describes. */
export const key = {
  string: z.string(),
  int: z.number().int(),
  boolean: z.boolean(),
  /** One of a fixed set of values, where a row is meaningless without it (an adviser's kind). */
  member: <T extends string>(allowed: readonly [T, ...T[]]) => z.enum(allowed),
};

function isPresent<T>(value: T | null | undefined): value is NonNullable<T> {
  return value !== null && value !== undefined;
}

/** Every row read through `schema`; the first row that fails throws, naming the statement. */
export function parseRows<T extends z.ZodType>(
  schema: T,
  rows: readonly unknown[],
  statement: string,
): z.output<T>[] {
  const parsed: z.output<T>[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    parsed[index] = parseRow(schema, rows[index], statement);
  }
  return parsed;
}

/** One row (or one map in a row) read through `schema`. */
export function parseRow<T extends z.ZodType>(
  schema: T,
  row: unknown,
  statement: string,
): z.output<T> {
  return parseWith(
    schema,
    row,
    (path, problem) => new RowShapeError(statement, path.join(".") || "(row)", problem),
  );
}

/** `value` read through `schema`, or the error `failure` makes of the first issue. */
function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  failure: (path: PropertyKey[], problem: string) => RowShapeError,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw failure(issue.path, issue.message);
}

function isMap(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A node or map whose key cells are required, so a broken one fails the row (where `cell.map`
 * reads it as null). Anything but a map reads as a map without properties: its key cells fail
 * and its optional cells read as null.
 */
export function node<T extends z.ZodType>(shape: T) {
  return z.preprocess((value) => (isMap(value) ? value : {}), shape);
}

/** A node or map that may be absent (anything but a map reads as null); one without its keys fails the row. */
export function optionalNode<T extends z.ZodType>(shape: T) {
  return z.preprocess((value) => (isMap(value) ? value : null), shape.nullable());
}

/**
 * A list read entry by entry with `item`, in place: a missing list reads as empty, and an entry
 * that fails `item` fails the row (where `cell.list` drops it). With an optional cell as `item`,
 * entries of the wrong type read as null and keep their position (parallel lists).
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(item));
}

/**
 * `node(z.object(cells))` for a node's whole property map (`n {.*}`, `properties(n)`) or a
 * projection of it. Such a map holds only the properties the node has, so most of a school's
 * hundred cells are missing rather than null. Each optional cell gives its value for a missing
 * property (null, an empty list) as a default: the same result, without zod's failure path for
 * every missing cell (an issue made, worded and caught: microseconds a cell). Key cells, and
 * maps with keys of their own, still fail when missing.
 */
export function nodeProperties<T extends Record<string, z.ZodType>>(cells: T) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, cellSchema] of Object.entries(cells)) {
    const missing = cellSchema.safeParse(undefined);
    shape[name] = missing.success ? cellSchema.default(missing.data) : cellSchema;
  }
  // The defaults change how a missing property is read, not what a cell gives.
  return node(z.object(shape as T));
}

/**
 * One node or map read by a mapper that several statements share (a school, a partnership): a
 * failure names the label and the property, `School.urn`, where parseRow names the statement.
 */
export function parseNode<T extends z.ZodType>(
  schema: T,
  value: unknown,
  label: string,
): z.output<T> {
  return parseWith(
    schema,
    value,
    (path, problem) => new RowShapeError(`${label} node`, [label, ...path].join("."), problem),
  );
}

/** A stored point as mappers.ts gives it (null when absent); a coordinate not a number reads as null. */
export const point = cell.map(z.object({ latitude: cell.number, longitude: cell.number }));

/**
 * A stored series, read entry by entry in place with `item` as `listOf` does: NaN marks a year
 * with no figure (Neo4j lists hold no nulls) and reads as null, as `item` reads it, but without
 * zod's failure path for each gap.
 */
export function series<T extends z.ZodType>(item: T) {
  return listOf(z.union([z.nan().transform(() => null), item]));
}
