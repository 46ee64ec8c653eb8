import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, node, parseRows } from "../../db/rows.js";
import type { DatasetRecord } from "./dataset.model.js";

/**
 * A Dataset node. Provenance is read in whichever shape it was stored: one text, a list of parts,
 * or separate repository/path/commit properties (a node property cannot hold a map).
 */
const DatasetNode = node(
  z
    .object({
      id: key.string,
      title: cell.string,
      publisher: cell.string,
      period: cell.string,
      licence: cell.string,
      attribution: cell.string,
      origin: z.union([z.string(), cell.list(cell.string)]),
      originRepository: cell.string,
      originPath: cell.string,
      originCommit: cell.string,
      description: cell.string,
    })
    .transform((dataset): DatasetRecord => ({
      id: dataset.id,
      title: dataset.title ?? dataset.id,
      publisher: dataset.publisher,
      period: dataset.period,
      licence: dataset.licence,
      attribution: dataset.attribution,
      origin: originOf(dataset),
      description: dataset.description,
    })),
);

const DatasetRow = z.object({ dataset: DatasetNode });

export class DatasetRepository {
  constructor(private readonly db: Database) {}

  // findAllDatasets
  async findAll(): Promise<DatasetRecord[]> {
    const rows = await this.db.read("datasets/findAllDatasets");
    return parseRows(DatasetRow, rows, "datasets/findAllDatasets").map((row) => row.dataset);
  }

  // findDatasetsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, DatasetRecord>> {
    const rows = await this.db.read("datasets/findDatasetsByIds", { ids });
    return new Map(
      parseRows(DatasetRow, rows, "datasets/findDatasetsByIds").map(({ dataset }) => [
        dataset.id,
        dataset,
      ]),
    );
  }
}

function originOf(dataset: {
  origin: string | string[];
  originRepository: string | null;
  originPath: string | null;
  originCommit: string | null;
}): string | null {
  if (typeof dataset.origin === "string") return dataset.origin;
  if (dataset.origin.length > 0) return dataset.origin.join(" ");
  const commit = dataset.originCommit;
  const parts = [
    dataset.originRepository,
    dataset.originPath,
    commit === null ? null : `@${commit}`,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(" ") : null;
}
