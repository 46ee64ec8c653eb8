import { parseCsv, type CsvOptions, type CsvTable } from "../csv/table.js";

/** A table from CSV lines, as the parsers receive it; the header is the first line. */
export function csvTable(
  lines: readonly string[],
  file = "test.csv",
  options: Partial<CsvOptions> = {},
): CsvTable {
  return parseCsv(`${lines.join("\n")}\n`, file, { required: [], ...options });
}
