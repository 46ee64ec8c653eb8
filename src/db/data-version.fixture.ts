/** Test data: a graph data version a test moves on by hand. */
import type { DataVersion, DataVersions } from "./data-version.js";

/** A data version that each `write(...areas)` moves on, as the gateway's bump does. */
export function manualDataVersions(start: Partial<DataVersion> = {}) {
  let current: DataVersion = { epoch: "e", version: 1, areas: {}, today: "2026-12-06", ...start };
  const versions: DataVersions = { get: async () => current };
  return {
    versions,
    write(...areas: string[]): void {
      const version = current.version + 1;
      const changed = Object.fromEntries(areas.map((area) => [area, version]));
      current = { ...current, version, areas: { ...current.areas, ...changed } };
    },
    /** Another reading altogether: a new epoch (an emptied and reloaded database) or day. */
    replace(next: Partial<DataVersion>): void {
      current = { ...current, ...next };
    },
  };
}
