import { keyedLoader } from "../common/loaders.js";
import type { NeedBandRepository, SchoolNeedRecord } from "./need-band.repository.js";

export function createGapLoaders(repository: NeedBandRepository) {
  return {
    needByUrn: keyedLoader<number, SchoolNeedRecord | null>(
      (urns) => repository.findNeedByUrns(urns),
      () => null,
    ),
  };
}

export type GapLoaders = ReturnType<typeof createGapLoaders>;
