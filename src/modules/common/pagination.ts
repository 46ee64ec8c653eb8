/**
 * Forward keyset pagination shared by every connection. Lists are ordered by (name, urn): the
 * name is what people scan for, the URN breaks ties between schools of the same name. A cursor
 * is that pair for the last row of a page, so the next page starts strictly after it, stays
 * correct while data changes underneath, and costs an index seek rather than a skip.
 */
import { ValidationError } from "../../errors/index.js";
import { decodeKeysetCursor, encodeCursorTuple, invalidCursorMessage } from "./cursor.js";
import { checkWholeNumber } from "./checks.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Cursors we issue are far shorter; anything longer is rejected before it is decoded. */

/** Position of a row in (name, urn) order. */
export interface NameKey {
  name: string;
  urn: number;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Only filled when the client asked for it; counting costs a second query. */
  totalCount: number | null;
}

/**
 * The page size a client asked for. A missing or null `first` means the default; anything
 * outside 1..MAX_PAGE_SIZE is refused rather than clamped, so a client never silently gets
 * fewer rows than it believes it asked for.
 */
export function pageSize(first: number | null | undefined, argument = "first"): number {
  return checkWholeNumber(first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, argument);
}

export function encodeCursor(key: NameKey): string {
  return encodeCursorTuple([key.name, key.urn]);
}

/**
 * The position a cursor points at, or null when there is no cursor (the first page).
 * Anything that is not a cursor this API issued is a client error naming the argument.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  argument = "after",
): NameKey | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = decodeKeysetCursor(cursor, ["string", "integer"]);
  if (!decoded) throw new ValidationError(invalidCursorMessage(argument), argument);
  return { name: decoded[0] as string, urn: decoded[1] as number };
}

/** An edge whose cursor is encoded only if a client reads it: most pages are read for their nodes. */
class KeyedEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly key: NameKey,
  ) {}

  get cursor(): string {
    return encodeCursor(this.key);
  }
}

/**
 * Builds a page from rows fetched with a limit of `size + 1`: the extra row only tells whether
 * another page exists and is not returned.
 */
export function toPage<T>(
  rows: readonly T[],
  size: number,
  keyOf: (row: T) => NameKey,
  totalCount: number | null = null,
): Page<T> {
  const edges: Edge<T>[] = rows.slice(0, size).map((node) => new KeyedEdge(node, keyOf(node)));
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      get endCursor() {
        return last === undefined ? null : last.cursor;
      },
    },
    totalCount,
  };
}

/** Cypher parameters for "strictly after this position"; nulls select the first page. */
export function afterParams(after: NameKey | null): {
  afterName: string | null;
  afterUrn: number | null;
} {
  return { afterName: after?.name ?? null, afterUrn: after?.urn ?? null };
}
