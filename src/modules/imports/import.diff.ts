/**
 * Whether a row changes what its reference already holds. A field the row leaves blank where
 * blank means "today" (an assignment's `since`, an engagement's `startOn`) is given as undefined
 * and keeps what is stored, so importing the same file on another day changes nothing.
 */
import type { RowOutcome } from "./import.model.js";

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return (a ?? null) === (b ?? null);
}

/** The fields of `wanted` that differ from `stored`, in `wanted`'s order; undefined keeps. */
export function changedFields(
  stored: object,
  wanted: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const had = stored as Readonly<Record<string, unknown>>;
  return Object.entries(wanted).flatMap(([field, to]) =>
    to === undefined || same(had[field], to) ? [] : [{ field, from: had[field] ?? null, to }],
  );
}

/** New when nothing is stored under the key; otherwise updated when a field changes. */
export function outcomeOf(stored: unknown, changes: readonly FieldChange[]): RowOutcome {
  if (stored === null || stored === undefined) return "imported";
  return changes.length === 0 ? "unchanged" : "updated";
}

/** The stored and wanted values of the changed fields, for an audit event's before and after. */
export function changeSides(changes: readonly FieldChange[]): {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
} {
  return {
    before: Object.fromEntries(changes.map((change) => [change.field, change.from])),
    after: Object.fromEntries(changes.map((change) => [change.field, change.to])),
  };
}
