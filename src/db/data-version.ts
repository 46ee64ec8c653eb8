/**
 * The graph's one data version. Every write through the gateway moves it on once it has
 * committed (Database.writeTransaction, cypher/data/bumpDataVersion), recording which areas
 * (cypher/ folders) it changed; an in-memory snapshot is kept for as long as the version it was
 * built from is current, whichever process made the write.
 */
import { z } from "zod";
import type { Database } from "./driver.js";
import { parseRow } from "./rows.js";

export interface DataVersion {
  /** Changes when the DataVersion node is made anew (an emptied and reloaded database). */
  epoch: string | null;
  /** Write transactions so far; 0 before the first. */
  version: number;
  /** The version that last changed each area (cypher/ folder), e.g. `{ engagements: 41 }`. */
  areas: Readonly<Record<string, number>>;
  /** The database's date, YYYY-MM-DD: some answers change with the date alone. */
  today: string;
}

const NOT_AREAS = new Set(["id", "epoch", "version", "changedAt", "locked"]);

const DataVersionRow = z.object({
  version: z.record(z.string(), z.unknown()).nullable(),
  today: z.string(),
});

export async function readDataVersion(db: Database): Promise<DataVersion> {
  const [row] = await db.read("data/findDataVersion");
  const { version: node, today } = parseRow(DataVersionRow, row, "data/findDataVersion");
  const areas: Record<string, number> = {};
  for (const [key, value] of Object.entries(node ?? {})) {
    if (!NOT_AREAS.has(key) && typeof value === "number") areas[key] = value;
  }
  return {
    epoch: typeof node?.["epoch"] === "string" ? node["epoch"] : null,
    version: typeof node?.["version"] === "number" ? node["version"] : 0,
    areas,
    today,
  };
}

/** Where a store gets the current data version: one FreshVersion per process (createApp). */
export interface DataVersions {
  get(): Promise<DataVersion>;
}

/** A key that is the same exactly when two readings describe the same data on the same day. */
export function dataVersionKey(version: DataVersion): string {
  return `${version.epoch ?? "none"}:${version.version}@${version.today}`;
}

/**
 * The areas written between two readings, or null when the change cannot be told apart that
 * way (another day, another epoch, or an earlier reading than the one held).
 */
export function areasChanged(before: DataVersion, after: DataVersion): string[] | null {
  if (before.epoch !== after.epoch || before.today !== after.today) return null;
  if (after.version < before.version) return null;
  return Object.entries(after.areas)
    .filter(([, changedAt]) => changedAt > before.version)
    .map(([area]) => area)
    .sort();
}
