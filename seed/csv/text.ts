import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/**
 * Windows-1252 characters in 0x80..0x9F. Node's TextDecoder("windows-1252") decodes these bytes as
 * Latin-1 control characters, so the mapping is done here.
 */
const CP1252_HIGH: Readonly<Record<number, string>> = {
  0x80: "\u20ac",
  0x82: "\u201a",
  0x83: "\u0192",
  0x84: "\u201e",
  0x85: "\u2026",
  0x86: "\u2020",
  0x87: "\u2021",
  0x88: "\u02c6",
  0x89: "\u2030",
  0x8a: "\u0160",
  0x8b: "\u2039",
  0x8c: "\u0152",
  0x8e: "\u017d",
  0x91: "\u2018",
  0x92: "\u2019",
  0x93: "\u201c",
  0x94: "\u201d",
  0x95: "\u2022",
  0x96: "\u2013",
  0x97: "\u2014",
  0x98: "\u02dc",
  0x99: "\u2122",
  0x9a: "\u0161",
  0x9b: "\u203a",
  0x9c: "\u0153",
  0x9e: "\u017e",
  0x9f: "\u0178",
};

const C1_CONTROLS = /[\u0080-\u009f]/g;

/** Replaces C1 control characters with the Windows-1252 characters they stand for. */
export function repairWindows1252(text: string): string {
  return text.replace(C1_CONTROLS, (c) => CP1252_HIGH[c.charCodeAt(0)] ?? c);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a CSV file whatever GIAS or DfE saved it as: UTF-8 (with or without BOM), Windows-1252,
 * or the common mixture where Windows-1252 text was read as Latin-1 and re-saved as UTF-8, which
 * leaves C1 control characters where curly quotes and dashes were. No real text uses C1 controls,
 * so mapping them back is safe.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = new TextDecoder("latin1").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return repairWindows1252(text);
}

/** Reads a .csv or .csv.gz file as text. */
export function readTextFile(file: string): string {
  const raw = readFileSync(file);
  const isGzip = raw[0] === 0x1f && raw[1] === 0x8b;
  return decodeText(isGzip ? gunzipSync(raw) : raw);
}
