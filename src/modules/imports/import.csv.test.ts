import { describe, expect, it } from "vitest";
import { duplicateReferences, readImportCsv } from "./import.csv.js";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import.model.js";

const COLUMNS = [
  { name: "reference", required: true },
  { name: "council", required: true },
  { name: "note", required: false },
];

describe("readImportCsv", () => {
  it("when rows are well formed, then each has trimmed cells and the line it starts on", () => {
    const { rows, rejected } = readImportCsv(
      "reference,council,note\nA1, 332 ,x\n\nA2,332,\n",
      COLUMNS,
    );
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { line: 2, cells: { reference: "A1", council: "332", note: "x" } },
      { line: 4, cells: { reference: "A2", council: "332", note: "" } },
    ]);
  });

  it("when a quoted cell spans lines, then the row keeps the line it starts on", () => {
    const { rows } = readImportCsv(
      'reference,council,note\nA1,332,"two\nlines"\nA2,332,y\n',
      COLUMNS,
    );
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("when a file saved on Windows has a quoted CRLF line break and blank lines, then every later row keeps its own line", () => {
    const { rows, rejected } = readImportCsv(
      '\ufeffreference,council,note\r\nA1,332,"two\r\nlines"\r\n\r\nA2,332,y\r\nA3,332\r\nA4,332,z',
      COLUMNS,
    );
    expect(rows.map((row) => [row.cells["reference"], row.line])).toEqual([
      ["A1", 2],
      ["A2", 5],
      ["A4", 7],
    ]);
    expect(rejected.map((row) => [row.reference, row.line])).toEqual([["A3", 6]]);
  });

  it("when an optional column is left out of the header, then the file is read", () => {
    const { rows } = readImportCsv("council,reference\n332,A1\n", COLUMNS);
    expect(rows[0]?.cells).toEqual({ council: "332", reference: "A1" });
  });

  it("when a row has the wrong number of fields, then only that row is rejected, with its line", () => {
    const { rows, rejected } = readImportCsv("reference,council,note\nA1,332\nA2,332,x\n", COLUMNS);
    expect(rows.map((row) => row.line)).toEqual([3]);
    expect(rejected).toEqual([
      {
        line: 2,
        reference: "A1",
        reason: "has 2 fields; the header has 3.",
        code: "BAD_USER_INPUT",
      },
    ]);
  });

  it("when the header lacks a required column or names an unknown one, then the file is refused", () => {
    expect(() => readImportCsv("reference,note,ammount\nA1,x,1\n", COLUMNS)).toThrow(
      /lacks the column\(s\) "council" and has unknown column\(s\) "ammount"/,
    );
  });

  it("when the file is empty, then it is refused", () => {
    expect(() => readImportCsv("", COLUMNS)).toThrow(/is empty/);
  });

  it("when a quote is never closed, then the file is refused as not CSV", () => {
    expect(() => readImportCsv('reference,council\n"A1,332\n', COLUMNS)).toThrow(
      /not readable as CSV/,
    );
  });

  it("when the file has more rows than an import may, then it is refused", () => {
    const csv = "reference,council\n" + "A,332\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(() => readImportCsv(csv, COLUMNS)).toThrow(/at most 10,000/);
  });

  it("when the file is larger than an import may be, then it is refused before parsing", () => {
    const csv = "reference,council,note\nA,332," + "x".repeat(MAX_IMPORT_BYTES);
    expect(() => readImportCsv(csv, COLUMNS)).toThrow(/bytes; an import may be at most/);
  });
});

describe("duplicateReferences", () => {
  it("when two rows of one council share a reference, then both are named with all their lines", () => {
    const reasons = duplicateReferences([
      { line: 2, council: 332, reference: "A1" },
      { line: 3, council: 332, reference: "A2" },
      { line: 5, council: 332, reference: "A1" },
    ]);
    expect([...reasons.keys()]).toEqual([2, 5]);
    expect(reasons.get(5)).toBe(
      '`reference`: "A1" of council 332 is on lines 2, 5; give each record its own reference.',
    );
  });

  it("when two councils use the same reference, then neither is a duplicate", () => {
    expect(
      duplicateReferences([
        { line: 2, council: 332, reference: "A1" },
        { line: 3, council: 333, reference: "A1" },
      ]).size,
    ).toBe(0);
  });
});
