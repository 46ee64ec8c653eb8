/**
 * Reading an import's CSV text into cells by column, each row with the line it starts on.
 * Problems with the file as a whole (too big, not CSV, a header that is not the layout's) are
 * BAD_USER_INPUT on the `csv` argument; a row with the wrong number of fields is rejected alone.
 */
import { parse } from "csv-parse/sync";
import { ValidationError } from "../../errors/index.js";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type RowRejection } from "./import.model.js";

export interface ColumnName {
  name: string;
  required: boolean;
}

/** One data row: trimmed cells by column name ("" when blank). */
export interface CsvRow {
  line: number;
  cells: Readonly<Record<string, string>>;
}

export interface CsvRows {
  rows: CsvRow[];
  rejected: RowRejection[];
}

interface ParsedRecord {
  record: string[];
  /** Bytes read up to the end of the record, its line break included. */
  info: { bytes: number };
}

function fileError(message: string): ValidationError {
  return new ValidationError(`\`csv\`: ${message}`, "csv");
}

function list(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/**
 * The line a record starts on, given where the record before it ended (in bytes): past any blank
 * lines, counting CRLF, LF and CR each as one line break. csv-parse's own line count is not used:
 * it counts a CRLF inside a quoted field as two lines, which put every later row of a file saved
 * by a spreadsheet on Windows one line too far on. Offsets must come in increasing order.
 */
function recordStartLines(csv: string): (previousEnd: number) => number {
  const bytes = Buffer.from(csv, "utf8");
  let counted = 0;
  let breaks = 0;
  return (previousEnd) => {
    let start = previousEnd;
    while (bytes[start] === 0x0d || bytes[start] === 0x0a) start += 1;
    for (; counted < start; counted += 1) {
      const byte = bytes[counted];
      if (byte === 0x0a || (byte === 0x0d && bytes[counted + 1] !== 0x0a)) breaks += 1;
    }
    return breaks + 1;
  };
}

/**
 * The rows of `csv` under `columns`. The header must name every required column and nothing
 * the layout does not know (a misspelt column would otherwise be dropped in silence).
 */
export function readImportCsv(csv: string, columns: readonly ColumnName[]): CsvRows {
  const bytes = Buffer.byteLength(csv, "utf8");
  if (bytes > MAX_IMPORT_BYTES) {
    throw fileError(
      `is ${bytes.toLocaleString("en-GB")} bytes; an import may be at most ${MAX_IMPORT_BYTES.toLocaleString("en-GB")} bytes (split the file).`,
    );
  }
  let records: ParsedRecord[];
  try {
    records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw fileError(`is not readable as CSV: ${(error as Error).message}.`);
  }
  const [head, ...body] = records;
  if (!head) throw fileError("is empty; the first line must name the columns.");
  const header = head.record.map((name) => name.trim());
  const known = new Set(columns.map((column) => column.name));
  const missing = columns
    .filter((column) => column.required && !header.includes(column.name))
    .map((column) => column.name);
  const unknown = header.filter((name) => !known.has(name));
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `lacks the column(s) ${list(missing)}` : null,
      unknown.length > 0 ? `has unknown column(s) ${list(unknown)}` : null,
      repeated.length > 0 ? `names ${list([...new Set(repeated)])} more than once` : null,
    ].filter((problem) => problem !== null);
    throw fileError(
      `the header ${problems.join(" and ")}; the columns are ${list(columns.map((c) => c.name))}.`,
    );
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw fileError(
      `has ${body.length.toLocaleString("en-GB")} rows; an import may have at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} (split the file).`,
    );
  }

  const rows: CsvRow[] = [];
  const rejected: RowRejection[] = [];
  const lineOf = recordStartLines(csv);
  let end = head.info.bytes;
  for (const { record, info } of body) {
    const line = lineOf(end);
    end = info.bytes;
    if (record.length !== header.length) {
      const at = header.indexOf("reference");
      const reference = at >= 0 ? record[at]?.trim() || null : null;
      rejected.push({
        line,
        reference,
        reason: `has ${record.length} fields; the header has ${header.length}.`,
        code: "BAD_USER_INPUT",
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      cells[name] = (record[i] ?? "").trim();
    });
    rows.push({ line, cells });
  }
  return { rows, rejected };
}

/**
 * Lines whose (council, reference) another row of the same file also has, with the reason.
 * Every such row is left out: nothing says which of them the council meant.
 */
export function duplicateReferences(
  rows: readonly { line: number; council: number; reference: string }[],
): Map<number, string> {
  const linesByKey = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.council}|${row.reference}`;
    linesByKey.set(key, [...(linesByKey.get(key) ?? []), row.line]);
  }
  const reasons = new Map<number, string>();
  for (const [key, lines] of linesByKey) {
    if (lines.length < 2) continue;
    const [council, ...rest] = key.split("|");
    const reference = rest.join("|");
    for (const line of lines) {
      reasons.set(
        line,
        `\`reference\`: "${reference}" of council ${council} is on lines ${lines.join(", ")}; give each record its own reference.`,
      );
    }
  }
  return reasons;
}
