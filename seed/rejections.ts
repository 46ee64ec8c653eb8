import type { CsvRecord, CsvTable } from "./csv/table.js";
import { parseUrn } from "./csv/values.js";

/** A row that could not be loaded, reported as `file:line: reason` while the rest loads. */
export interface Rejection {
  /** The file's path under seed/data (or as given on the command line). */
  file: string;
  line: number;
  /** A stable phrase, so rejections can be counted by reason. */
  reason: string;
  /** The offending value or other specifics. */
  detail?: string;
}

export function formatRejection(rejection: Rejection): string {
  const detail = rejection.detail ? ` (${rejection.detail})` : "";
  return `${rejection.file}:${rejection.line}: ${rejection.reason}${detail}`;
}

/**
 * Rows deliberately left out (closed groups, national summary rows ...), counted by reason. They are
 * not errors, so they are kept apart from rejections.
 */
export class SkipCounter {
  private readonly counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  merge(other: SkipCounter): void {
    for (const [reason, count] of other.entries()) this.add(reason, count);
  }

  entries(): [string, number][] {
    return [...this.counts.entries()];
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
}

/** What a source parser hands back: its records plus what it rejected and skipped. */
export interface Parsed<T> {
  records: T;
  rejections: Rejection[];
  skipped: SkipCounter;
}

export function countByReason(rejections: readonly Rejection[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { reason } of rejections) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** The row's URN from `column`; when it is not one, the row is rejected and null returned. */
export function urnOrReject(
  table: Pick<CsvTable, "file">,
  row: CsvRecord,
  column: string,
  rejections: Rejection[],
): number | null {
  const urn = parseUrn(row.get(column));
  if (urn === null) {
    rejections.push({
      file: table.file,
      line: row.line,
      reason: "invalid URN",
      detail: row.get(column),
    });
  }
  return urn;
}

/**
 * As urnOrReject, and a URN `seen` already holds (an earlier row's) is rejected as a duplicate:
 * null is returned for the row.
 */
export function newUrnOrReject(
  table: Pick<CsvTable, "file">,
  row: CsvRecord,
  column: string,
  rejections: Rejection[],
  seen: { has(urn: number): boolean },
): number | null {
  const urn = urnOrReject(table, row, column, rejections);
  if (urn === null || !seen.has(urn)) return urn;
  rejections.push({
    file: table.file,
    line: row.line,
    reason: "duplicate URN",
    detail: String(urn),
  });
  return null;
}
