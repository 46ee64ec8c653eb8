import { parse } from "csv-parse/sync";
import { DataFileError } from "../../src/errors/index.js";
import type { Rejection } from "../rejections.js";

/** One data row; `get` returns "" for a column the row does not reach. */
export interface CsvRecord {
  readonly line: number;
  get(column: string): string;
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: CsvRecord[];
  /** Rows with the wrong number of fields, already turned into rejections. */
  readonly malformed: Rejection[];
}

export interface CsvOptions {
  /** Columns the file must have; a file lacking any is not the file we expect. */
  required: readonly string[];
  /**
   * Accept rows that stop early (missing trailing fields read as blank): some DfE files leave the
   * last columns off when they are empty.
   */
  allowShortRows?: boolean;
  /**
   * Accept rows whose last column runs on into extra fields: GIAS writes each of a school's
   * "Linked establishments" as a field of its own. Earlier columns are still in place.
   */
  lastColumnOverflows?: boolean;
  /** Names the kind of file in the error, e.g. "a GIAS establishment extract". */
  expected?: string;
}

interface ParsedLine {
  record: string[];
  info: { lines: number };
}

/**
 * Parses CSV text into records that know their line number. Every row is checked against the
 * header so a shifted row is rejected rather than read into the wrong columns.
 */
export function parseCsv(text: string, file: string, options: CsvOptions): CsvTable {
  let lines: ParsedLine[];
  try {
    lines = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedLine[];
  } catch (error) {
    throw new DataFileError(`${file}: not readable as CSV: ${(error as Error).message}`);
  }
  const [head, ...rows] = lines;
  if (!head) throw new DataFileError(`${file}: the file is empty`);

  const header = head.record.map((name) => name.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const missing = options.required.filter((column) => !index.has(column));
  if (missing.length > 0) {
    const what = options.expected ? `is not ${options.expected}: it ` : "";
    const shown = missing.slice(0, 5).map((m) => `"${m}"`);
    if (missing.length > shown.length) shown.push(`and ${missing.length - shown.length} more`);
    const found = header.slice(0, 8).join(", ") + (header.length > 8 ? ", ..." : "");
    throw new DataFileError(
      `${file} ${what}lacks the column${missing.length > 1 ? "s" : ""} ${shown.join(", ")} ` +
        `(found: ${found})`,
    );
  }

  const records: CsvRecord[] = [];
  const malformed: Rejection[] = [];
  for (const { record, info } of rows) {
    // csv-parse counts lines to the end of a record; a quoted field with line breaks would push
    // the reported line past where the row starts.
    let line = info.lines;
    for (const field of record) if (field.includes("\n")) line -= field.split("\n").length - 1;
    const tooShort = record.length < header.length && !options.allowShortRows;
    const tooLong = record.length > header.length && !options.lastColumnOverflows;
    if (tooShort || tooLong) {
      malformed.push({
        file,
        line,
        reason: "wrong number of fields",
        detail: `expected ${header.length}, found ${record.length}`,
      });
      continue;
    }
    records.push({
      line,
      get: (column) => {
        const i = index.get(column);
        return i === undefined ? "" : (record[i] ?? "").trim();
      },
    });
  }
  return { file, header, records, malformed };
}
