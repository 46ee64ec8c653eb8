import type { CsvTable } from "../csv/table.js";
import {
  normalisePostcode,
  parseDate,
  parseInteger,
  parseNumber,
  parseText,
} from "../csv/values.js";
import { ruralUrbanOf, type RuralUrban } from "../domain/classify.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";

export const REGION_COLUMNS = ["region_code", "region_name"] as const;
export const HIERARCHY_COLUMNS = [
  "region_code",
  "region_name",
  "old_la_code",
  "la_name",
  "new_la_code",
] as const;
export const LOCAL_AUTHORITY_COLUMNS = ["new_la_code", "la_name", "status", "old_la_code"] as const;
export const DEPRIVATION_COLUMNS = [
  "Postcode",
  "LSOA code",
  "Index of Multiple Deprivation Rank",
  "Index of Multiple Deprivation Decile",
  "Income Score",
  "IDACI Rank",
  "IDACI Decile",
  "IDACI Score",
] as const;
export const RURAL_URBAN_COLUMNS = ["lsoa", "RUC11CD"] as const;

export interface Region {
  code: string;
  name: string;
}

export interface HierarchyEntry {
  laCode: number;
  name: string;
  regionCode: string;
  gssCode: string | null;
}

export interface LocalAuthorityListing {
  laCode: number;
  gssCode: string;
  name: string;
  live: boolean;
  /** yyyy-mm-dd, when a terminated authority ceased (Cumbria 909: 2023-03-31). */
  terminatedOn?: string | null;
}

export interface LocalAuthority {
  code: number;
  name: string;
  gssCode: string | null;
  regionCode: string;
  /** Set for an authority abolished since the census, e.g. Cumbria (909) on 2023-03-31. */
  closedOn?: string | null;
  /** The authorities its schools now belong to. */
  successorCodes?: number[];
}

const ENGLISH_REGION = /^E12\d{6}$/;

/** The nine English regions; the London sub-regions (E13) are not regions of the graph. */
export function parseRegions(table: CsvTable): Parsed<Region[]> {
  const skipped = new SkipCounter();
  const records: Region[] = [];
  for (const row of table.records) {
    const code = row.get("region_code");
    const name = parseText(row.get("region_name"));
    if (!ENGLISH_REGION.test(code) || name === null) {
      skipped.add(`${table.file}: not an English region (London sub-regions)`);
      continue;
    }
    records.push({ code, name });
  }
  return { records, rejections: [...table.malformed], skipped };
}

/**
 * LA code -> region. Rows without a 3-digit code (combined "940 / 941" rows, pre-2009 counties
 * coded "x", "z" for outside England) describe no single LA and are passed over.
 */
export function parseLaHierarchy(table: CsvTable): Parsed<HierarchyEntry[]> {
  const skipped = new SkipCounter();
  const records: HierarchyEntry[] = [];
  for (const row of table.records) {
    const laCode = parseInteger(row.get("old_la_code"));
    const regionCode = row.get("region_code");
    const name = parseText(row.get("la_name"));
    if (laCode === null || !ENGLISH_REGION.test(regionCode) || name === null) {
      skipped.add(`${table.file}: rows without a single LA code and region`);
      continue;
    }
    const gss = row.get("new_la_code");
    records.push({ laCode, name, regionCode, gssCode: /^E\d{8}$/.test(gss) ? gss : null });
  }
  return { records, rejections: [...table.malformed], skipped };
}

export function parseLocalAuthorityList(table: CsvTable): Parsed<LocalAuthorityListing[]> {
  const skipped = new SkipCounter();
  const records: LocalAuthorityListing[] = [];
  for (const row of table.records) {
    const laCode = parseInteger(row.get("old_la_code"));
    const gssCode = row.get("new_la_code");
    const name = parseText(row.get("la_name"));
    if (laCode === null || !/^E\d{8}$/.test(gssCode) || name === null) {
      skipped.add(`${table.file}: rows without a single LA code`);
      continue;
    }
    records.push({
      laCode,
      gssCode,
      name,
      live: row.get("status") === "live",
      terminatedOn: parseDate(row.get("date_of_termination")),
    });
  }
  return { records, rejections: [...table.malformed], skipped };
}

/**
 * The LocalAuthority nodes: every LA that has schools or is still live. An LA can carry two
 * E-codes over time (Barnsley E08000016 became E08000038 in 2025); the one the school census used
 * wins, then the live code, so the code matches the schools' own data.
 */
export function buildLocalAuthorities(
  hierarchy: readonly HierarchyEntry[],
  listing: readonly LocalAuthorityListing[],
  censusCodes: ReadonlyMap<number, string | null>,
  skipped: SkipCounter,
): LocalAuthority[] {
  const live = new Map<number, LocalAuthorityListing>();
  for (const entry of listing) if (entry.live) live.set(entry.laCode, entry);

  const byCode = new Map<number, LocalAuthority>();
  for (const entry of hierarchy) {
    const known = byCode.get(entry.laCode);
    const candidates = [censusCodes.get(entry.laCode), live.get(entry.laCode)?.gssCode];
    const preferred = candidates.find((code) => code !== null && code !== undefined) ?? null;
    if (!known) {
      byCode.set(entry.laCode, {
        code: entry.laCode,
        name: entry.name,
        regionCode: entry.regionCode,
        gssCode: preferred ?? entry.gssCode,
      });
    } else if (known.gssCode === null) {
      known.gssCode = entry.gssCode;
    }
  }
  const kept: LocalAuthority[] = [];
  for (const la of byCode.values()) {
    if (censusCodes.has(la.code) || live.has(la.code)) kept.push(la);
    else skipped.add("local authorities abolished before 2023 with no schools");
  }
  return kept.sort((a, b) => a.code - b.code);
}

export interface Deprivation {
  lsoa: string;
  imdRank: number | null;
  imdDecile: number | null;
  incomeScore: number | null;
  idaciRank: number | null;
  idaciDecile: number | null;
  idaciScore: number | null;
}

/** Postcode -> LSOA and the English Indices of Deprivation 2019 for that LSOA. */
export function parseDeprivation(table: CsvTable): Parsed<Map<string, Deprivation>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<string, Deprivation>();
  for (const row of table.records) {
    const postcode = normalisePostcode(row.get("Postcode"));
    const lsoa = row.get("LSOA code");
    if (postcode === null || !/^[EW]01\d{6}$/.test(lsoa)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: postcode === null ? "invalid postcode" : "invalid LSOA code",
        detail: postcode === null ? row.get("Postcode") : lsoa,
      });
      continue;
    }
    records.set(postcode, {
      lsoa,
      imdRank: parseInteger(row.get("Index of Multiple Deprivation Rank")),
      imdDecile: parseInteger(row.get("Index of Multiple Deprivation Decile")),
      incomeScore: parseNumber(row.get("Income Score")),
      idaciRank: parseInteger(row.get("IDACI Rank")),
      idaciDecile: parseInteger(row.get("IDACI Decile")),
      idaciScore: parseNumber(row.get("IDACI Score")),
    });
  }
  return { records, rejections, skipped };
}

/** LSOA -> its 2011 rural-urban class. */
export function parseRuralUrban(table: CsvTable): Parsed<Map<string, RuralUrban>> {
  const rejections: Rejection[] = [...table.malformed];
  const records = new Map<string, RuralUrban>();
  for (const row of table.records) {
    const lsoa = row.get("lsoa");
    const ruralUrban = ruralUrbanOf(row.get("RUC11CD"));
    if (ruralUrban === null) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "unknown rural-urban code",
        detail: row.get("RUC11CD"),
      });
      continue;
    }
    records.set(lsoa, ruralUrban);
  }
  return { records, rejections, skipped: new SkipCounter() };
}

export const DISTRICT_LOOKUP_COLUMNS = ["LADCD", "UTLACD"] as const;

/**
 * District (LAD) code -> the code of the upper-tier authority it belongs to now, past districts
 * included (Allerdale E07000026 -> Cumberland E06000063).
 */
export function parseDistrictLookup(table: CsvTable): Parsed<Map<string, string>> {
  const records = new Map<string, string>();
  const rejections: Rejection[] = [...table.malformed];
  for (const row of table.records) {
    const district = row.get("LADCD").trim();
    const upperTier = row.get("UTLACD").trim();
    if (!/^E\d{8}$/.test(district) || !/^E\d{8}$/.test(upperTier)) {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "invalid area code",
        detail: district,
      });
      continue;
    }
    records.set(district, upperTier);
  }
  return { records, rejections, skipped: new SkipCounter() };
}
