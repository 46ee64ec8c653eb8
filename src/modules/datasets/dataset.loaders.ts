import { keyedLoader } from "../common/loaders.js";
import type { DatasetRecord } from "./dataset.model.js";
import type { DatasetRepository } from "./dataset.repository.js";

export function createDatasetLoaders(repository: DatasetRepository) {
  return {
    datasetById: keyedLoader<string, DatasetRecord | null>(
      (ids) => repository.findByIds(ids),
      () => null,
    ),
  };
}

export type DatasetLoaders = ReturnType<typeof createDatasetLoaders>;
