import type { Database } from "../../db/driver.js";
import {
  asList,
  asProperties,
  asString,
  requireString,
  type Properties,
} from "../common/values.js";
import type { DatasetRecord } from "./dataset.model.js";

export class DatasetRepository {
  constructor(private readonly db: Database) {}

  // findAllDatasets
  async findAll(): Promise<DatasetRecord[]> {
    const rows = await this.db.read("datasets/findAllDatasets");
    return rows.map((row) => toDataset(row["dataset"]));
  }

  // findDatasetsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, DatasetRecord>> {
    const rows = await this.db.read("datasets/findDatasetsByIds", { ids });
    const datasets = rows.map((row) => toDataset(row["dataset"]));
    return new Map(datasets.map((dataset) => [dataset.id, dataset]));
  }
}

/**
 * Provenance is read in whichever shape it was stored: one text, a list of parts, or separate
 * repository/path/commit properties (a node property cannot hold a map).
 */
function originOf(properties: Properties): string | null {
  const stored = properties["origin"];
  if (typeof stored === "string") return stored;
  const listed = asList(stored).filter((part): part is string => typeof part === "string");
  if (listed.length > 0) return listed.join(" ");
  const repository = asString(properties["originRepository"]);
  const path = asString(properties["originPath"]);
  const commit = asString(properties["originCommit"]);
  const parts = [repository, path, commit === null ? null : `@${commit}`].filter(
    (part): part is string => part !== null,
  );
  return parts.length > 0 ? parts.join(" ") : null;
}

function toDataset(value: unknown): DatasetRecord {
  const properties = asProperties(value) ?? {};
  const id = requireString(properties["id"], "Dataset.id");
  return {
    id,
    title: asString(properties["title"]) ?? id,
    publisher: asString(properties["publisher"]),
    period: asString(properties["period"]),
    licence: asString(properties["licence"]),
    attribution: asString(properties["attribution"]),
    origin: originOf(properties),
    description: asString(properties["description"]),
  };
}
