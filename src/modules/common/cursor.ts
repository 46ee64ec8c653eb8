/**
 * Opaque keyset cursors: a short JSON tuple of the sort key, base64url-encoded. Each connection
 * names the shape of its tuple and raises its own error naming the argument.
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

/** What one position of a cursor tuple must hold. */
export type CursorField = "string" | "integer" | "date" | "datetime";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fits(value: unknown, field: CursorField): boolean {
  switch (field) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isSafeInteger(value);
    case "date":
      return typeof value === "string" && ISO_DATE.test(value);
    case "datetime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
  }
}

/** The tuple a cursor holds when it has exactly the shape `fields` names, else null. */
export function decodeKeysetCursor(
  cursor: string,
  fields: readonly CursorField[],
  maxLength = MAX_CURSOR_LENGTH,
): unknown[] | null {
  const decoded = decodeCursorTuple(cursor, maxLength);
  if (!decoded || decoded.length !== fields.length) return null;
  return fields.every((field, i) => fits(decoded[i], field)) ? decoded : null;
}

/** The message every connection gives for a cursor it did not issue. */
export function invalidCursorMessage(argument: string): string {
  return `\`${argument}\` is not a valid cursor: pass the endCursor of a previous page.`;
}
