import { keyedLoader } from "../common/loaders.js";
import type { FamilyRunRecord } from "./family.model.js";
import type { SimilarityRepository } from "./similarity.repository.js";

export function createSimilarityLoaders(repository: SimilarityRepository) {
  return {
    runByVersion: keyedLoader<number, FamilyRunRecord | null>(
      (versions) => repository.findRunsByVersions(versions),
      () => null,
    ),
  };
}

export type SimilarityLoaders = ReturnType<typeof createSimilarityLoaders>;
