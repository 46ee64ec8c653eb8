/**
 * Opaque keyset cursors: a short JSON tuple of the sort key, base64url-encoded. Each connection
 * checks the tuple's shape itself and raises its own error naming the argument.
 */
const MAX_CURSOR_LENGTH = 1_000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursorTuple(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** The tuple a cursor holds, or null when the text cannot be a cursor this API issued. */
export function decodeCursorTuple(cursor: string, maxLength = MAX_CURSOR_LENGTH): unknown[] | null {
  if (cursor.length === 0 || cursor.length > maxLength || !BASE64URL.test(cursor)) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(decoded) ? decoded : null;
  } catch {
    return null;
  }
}
