import type { DatasetLoaders } from "./dataset.loaders.js";
import type { DatasetRecord } from "./dataset.model.js";
import type { DatasetRepository } from "./dataset.repository.js";

/**
 * A figure whose source id names no Dataset node (an importer fault) still shows the id it
 * carries, so the figure stays visible and the gap in provenance is plain to see.
 */
export function unknownDataset(id: string | null): DatasetRecord {
  return {
    id: id ?? "unrecorded",
    title: id === null ? "Source not recorded" : `Unknown dataset "${id}"`,
    publisher: null,
    period: null,
    licence: null,
    attribution: null,
    origin: null,
    description: null,
  };
}

export class DatasetService {
  constructor(
    private readonly repository: DatasetRepository,
    private readonly loaders: DatasetLoaders,
  ) {}

  all(): Promise<DatasetRecord[]> {
    return this.repository.findAll();
  }

  byId(id: string): Promise<DatasetRecord | null> {
    return this.loaders.datasetById.load(id);
  }

  /** The dataset a figure cites; never null, because every figure must cite one. */
  async sourceOf(id: string | null): Promise<DatasetRecord> {
    if (id === null) return unknownDataset(null);
    return (await this.loaders.datasetById.load(id)) ?? unknownDataset(id);
  }
}
