import DataLoader from "dataloader";
import { keyedLoader } from "../common/loaders.js";
import type {
  CoverageCounts,
  CoverageKey,
  LocalAuthorityRecord,
  RegionRecord,
} from "./geography.model.js";
import type { GeographyRepository } from "./geography.repository.js";

const coverageCacheKey = <C>(key: CoverageKey<C>) => `${String(key.code)}:${key.stateFundedOnly}`;

export function createGeographyLoaders(repository: GeographyRepository) {
  return {
    regionByCode: keyedLoader<string, RegionRecord | null>(
      (codes) => repository.findRegionsByCodes(codes),
      () => null,
    ),
    localAuthorityByCode: keyedLoader<number, LocalAuthorityRecord | null>(
      (codes) => repository.findLocalAuthoritiesByCodes(codes),
      () => null,
    ),
    localAuthoritiesByRegionCode: keyedLoader<string, LocalAuthorityRecord[]>(
      (codes) => repository.findLocalAuthoritiesByRegionCodes(codes),
      () => [],
    ),
    localAuthorityCoverage: new DataLoader<CoverageKey<number>, CoverageCounts, string>(
      (keys) => repository.coverageOfLocalAuthorities(keys),
      { cacheKeyFn: coverageCacheKey },
    ),
    regionCoverage: new DataLoader<CoverageKey<string>, CoverageCounts, string>(
      (keys) => repository.coverageOfRegions(keys),
      { cacheKeyFn: coverageCacheKey },
    ),
  };
}

export type GeographyLoaders = ReturnType<typeof createGeographyLoaders>;
