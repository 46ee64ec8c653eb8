/**
 * Cell parsers shared by every source. A missing figure is `null`, never zero: DfE marks figures it
 * does not publish with codes (z not applicable, x not available, c confidential, SUPP suppressed,
 * NP not published, NE no entries, LOWCOV low coverage ...), and all of them mean "no figure".
 */

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A number, or null for blanks, suppression codes and anything else that is not a number. */
export function parseNumber(cell: string): number | null {
  const text = cell.trim().replace(/,/g, "");
  return NUMBER.test(text) ? Number(text) : null;
}

/** A percentage with or without its % sign, e.g. "16.7%" or "16.7". */
export function parsePercent(cell: string): number | null {
  return parseNumber(cell.trim().replace(/%$/, ""));
}

export function parseInteger(cell: string): number | null {
  const value = parseNumber(cell);
  return value !== null && Number.isInteger(value) ? value : null;
}

/** A positive whole-number identifier such as a GIAS group UID. */
export function parseId(cell: string): number | null {
  const text = cell.trim();
  return /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** A URN is a positive whole number of up to seven digits. */
export function parseUrn(cell: string): number | null {
  const text = cell.trim();
  return text.length <= 7 ? parseId(text) : null;
}

/** Text, or null for blanks and the placeholders GIAS and DfE use for "nothing recorded". */
export function parseText(cell: string): string | null {
  const text = cell.trim().replace(/\s+/g, " ");
  if (
    text === "" ||
    /^(null|n\/a|not recorded|not applicable|not-applicable|unknown)$/i.test(text)
  ) {
    return null;
  }
  return text;
}

/** Each format the sources use, and which capture groups hold the year, month and day. */
const DATE_FORMATS: readonly { pattern: RegExp; ymd: readonly [number, number, number] }[] = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?$/, ymd: [1, 2, 3] },
  { pattern: /^(\d{2})[-/](\d{2})[-/](\d{4})$/, ymd: [3, 2, 1] },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, ymd: [1, 2, 3] },
];

/**
 * A date as yyyy-mm-dd from yyyy-mm-dd (optionally with a time), dd-mm-yyyy, dd/mm/yyyy or
 * yyyymmdd. GIAS writes 1900-01-01 when it has no date, so that, like an impossible date, is null.
 */
export function parseDate(cell: string): string | null {
  const text = cell.trim();
  for (const { pattern, ymd } of DATE_FORMATS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = ymd.map((group) => Number(match[group])) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    const exists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return exists && year > 1900 ? date.toISOString().slice(0, 10) : null;
  }
  return null;
}

/**
 * The academic year a date falls in, e.g. the January 2021 census is "2020/21". Academic years
 * start on 1 September.
 */
export function academicYearOf(isoDateText: string): string {
  const year = Number(isoDateText.slice(0, 4));
  const month = Number(isoDateText.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** "202223" (DfE time_period) as "2022/23". */
export function academicYearFromPeriod(period: string): string | null {
  const match = /^(\d{4})(\d{2})$/.exec(period.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** A UK postcode in upper case with one space before the inward code, or null if it is not one. */
export function normalisePostcode(cell: string): string | null {
  const compact = cell.toUpperCase().replace(/\s+/g, "");
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The postcode sector, e.g. "EC3A 5DE" -> "EC3A 5". */
export function postcodeSector(postcode: string): string {
  return postcode.slice(0, -2);
}

/** The postcode district (outward code), e.g. "EC3A 5DE" -> "EC3A". */
export function postcodeDistrict(postcode: string): string {
  return postcode.slice(0, postcode.indexOf(" "));
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
