/**
 * The ONS coastal-towns flag (2023 "educational attainment of young people in English towns"),
 * joined to a school by its town and region. Distance to the Natural Earth coastline (coast.ts)
 * runs up estuaries as far as the 1:10m polygons leave them open (every Halton school is within
 * 5 km of the Mersey); the ONS flag classifies towns, so Widnes and Runcorn are not coastal.
 *
 * The join is by name, with care: the ONS names built-up areas ("Widnes BUA", "Plymouth BUASD",
 * "Dorchester (West Dorset) BUA"), so the suffix and any bracket are dropped and the rest compared
 * in lower case, within the same region. A name the file lists twice in a region with different
 * flags is left unclassified, as is a town the file does not list (cities such as London and the
 * smallest places are not in it), and a postal town named like another local authority than the
 * school's own (Knowsley schools addressed "Liverpool", seed/bundle.ts): those schools keep the
 * distance definition.
 */
import type { CsvTable } from "../csv/table.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import { COASTAL_THRESHOLD_KM } from "./coast.js";

export const COASTAL_TOWN_COLUMNS = ["town_name", "region", "coastal"] as const;

export const COASTAL_BASES = ["ONS_TOWN", "DISTANCE"] as const;
export type CoastalBasis = (typeof COASTAL_BASES)[number];

export const COASTAL_TOWN_DEFINITION =
  "The ONS classification of the school's town as coastal or not (English towns 2023; towns by " +
  "built-up area, joined on the school's town and region). It follows the shore, not estuaries: " +
  "Widnes and Runcorn on the Mersey are not coastal.";

export const COASTAL_DEFINITION_NOTE =
  `A school is coastal by the ONS coastal-towns flag when its town is classified, otherwise when ` +
  `within ${COASTAL_THRESHOLD_KM} km of the Natural Earth coastline; coastalBasis says which.`;

/** "Dorchester (West Dorset) BUA" and "dorchester" both become "dorchester". */
export function townKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/\bbuasd\b|\bbua\b/g, " ")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function key(regionName: string, town: string): string {
  return `${regionName.toLowerCase()}|${townKey(town)}`;
}

/** Coastal flags by region and town; null marks a name listed twice with different flags. */
export type CoastalTowns = ReadonlyMap<string, boolean | null>;

export function parseCoastalTowns(table: CsvTable): Parsed<Map<string, boolean | null>> {
  const rejections: Rejection[] = [...table.malformed];
  const skipped = new SkipCounter();
  const records = new Map<string, boolean | null>();
  for (const row of table.records) {
    const flag = row.get("coastal").trim().toLowerCase();
    if (flag !== "coastal" && flag !== "non-coastal") {
      skipped.add(`${table.file}: towns without a coastal classification`);
      continue;
    }
    const region = row.get("region").trim();
    const town = row.get("town_name").trim();
    if (region === "" || region === "NA" || townKey(town) === "") {
      rejections.push({
        file: table.file,
        line: row.line,
        reason: "town without a name or region",
      });
      continue;
    }
    const k = key(region, town);
    const coastal = flag === "coastal";
    const before = records.get(k);
    records.set(k, before === undefined || before === coastal ? coastal : null);
  }
  return { records, rejections, skipped };
}

/** The ONS flag for the town, or null when the file does not classify it unambiguously. */
export function coastalTown(
  towns: CoastalTowns,
  town: string | null,
  regionName: string | null,
): boolean | null {
  if (town === null || regionName === null) return null;
  return towns.get(key(regionName, town)) ?? null;
}
