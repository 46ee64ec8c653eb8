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
  const regionByCode = keyedLoader<string, RegionRecord | null>(
    (codes) => repository.findRegionsByCodes(codes),
    () => null,
  );
  return {
    regionByCode,
    /** Reads each LA's region with it, so `localAuthority { region }` costs one round. */
    localAuthorityByCode: keyedLoader<number, LocalAuthorityRecord | null>(
      async (codes) => {
        const { localAuthorities, regions } =
          await repository.findLocalAuthoritiesWithRegions(codes);
        for (const region of regions) regionByCode.prime(region.code, region);
        return localAuthorities;
      },
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
