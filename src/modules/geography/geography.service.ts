import type { MaybePromise } from "../common/loaders.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import type { PartnershipType } from "../partnerships/partnership.model.js";
import { normaliseSearchText } from "../search/search-text.js";
import type { GeographyLoaders } from "./geography.loaders.js";
import type {
  Coverage,
  CoverageCounts,
  LocalAuthorityRecord,
  RegionRecord,
  TypeCoverage,
} from "./geography.model.js";
import type { GeographyRepository } from "./geography.repository.js";

const REGION_CODE = /^E12\d{6}$/;

/** An ONS region code (E12 and six digits), or a client error naming the argument. */
export function checkRegionCode(code: string, argument: string): string {
  if (!REGION_CODE.test(code)) {
    throw new ValidationError(
      `\`${argument}\` must be an ONS region code such as E12000007 (got "${code.slice(0, 20)}").`,
      argument,
    );
  }
  return code;
}

/** A 3-digit DfE local authority code (e.g. 201), or a client error naming the argument. */
export function checkLocalAuthorityCode(code: number, argument: string): number {
  if (!Number.isInteger(code) || code < 100 || code > 999) {
    throw new ValidationError(
      `\`${argument}\` must be a 3-digit DfE local authority code such as 201 (got ${code}).`,
      argument,
    );
  }
  return code;
}

/**
 * The places whose name contains `search`, both normalised as school search normalises text
 * (case, apostrophes and punctuation ignored): "st helens" finds "St. Helens", "bristol" finds
 * "Bristol, City of". Text with no letter or digit is a client error naming the argument.
 */
export function namesContaining<T extends { name: string }>(
  places: readonly T[],
  search: string,
  argument = "search",
): T[] {
  const wanted = normaliseSearchText(search);
  if (wanted === "") {
    throw new ValidationError(`\`${argument}\`: must contain a letter or a digit`, argument);
  }
  return places.filter((place) => normaliseSearchText(place.name).includes(wanted));
}

/**
 * Coverage of an area: the share of its schools in at least one partnership, overall and per
 * partnership type. A school in two trusts of one type counts once for that type; a school in
 * a trust and a federation counts once overall and once for each type, so the per-type counts
 * may add up to more than `schoolsInPartnership`. Types are listed most common first.
 */
export function coverageFrom(counts: CoverageCounts): Coverage {
  const shareOf = (n: number) => (counts.schools === 0 ? 0 : n / counts.schools);
  const perType = new Map<PartnershipType, number>();
  for (const type of counts.memberTypes) perType.set(type, (perType.get(type) ?? 0) + 1);
  const byType: TypeCoverage[] = [...perType]
    .map(([type, schools]) => ({ type, schools, share: shareOf(schools) }))
    .sort((a, b) => b.schools - a.schools || a.type.localeCompare(b.type));
  return {
    schools: counts.schools,
    schoolsInPartnership: counts.schoolsInPartnership,
    share: shareOf(counts.schoolsInPartnership),
    byType,
  };
}

export class GeographyService {
  constructor(
    private readonly repository: GeographyRepository,
    private readonly loaders: GeographyLoaders,
  ) {}

  /** Keeps LAs and regions read with schools, so the request's area fields need no statement. */
  prime(localAuthorities: readonly LocalAuthorityRecord[], regions: readonly RegionRecord[]): void {
    for (const la of localAuthorities) this.loaders.localAuthorityByCode.prime(la.code, la);
    for (const region of regions) this.loaders.regionByCode.prime(region.code, region);
  }

  /** All nine regions, or those whose name contains `search` (see namesContaining). */
  async regions(search: string | null = null): Promise<RegionRecord[]> {
    const regions = await this.repository.findAllRegions();
    return search === null ? regions : namesContaining(regions, search);
  }

  region(code: string, argument = "code"): Promise<RegionRecord | null> {
    return this.loaders.regionByCode.load(checkRegionCode(code, argument));
  }

  /** The region an LA or school names; null when it names none or an unknown one. */
  regionByCode(code: string | null): MaybePromise<RegionRecord | null> {
    return code === null ? null : this.loaders.regionByCode.get(code);
  }

  localAuthority(code: number, argument = "code"): Promise<LocalAuthorityRecord | null> {
    return this.loaders.localAuthorityByCode.load(checkLocalAuthorityCode(code, argument));
  }

  localAuthorityByCode(code: number | null): MaybePromise<LocalAuthorityRecord | null> {
    return code === null ? null : this.loaders.localAuthorityByCode.get(code);
  }

  /**
   * Local authorities in name order: all, a region's, and/or those whose name contains `search`.
   * An unknown region is NOT_FOUND rather than an empty list, so a mistyped code is not taken
   * for a region without councils.
   */
  async localAuthorities(
    regionCode: string | null | undefined,
    search: string | null = null,
  ): Promise<LocalAuthorityRecord[]> {
    const region = regionCode == null ? null : checkRegionCode(regionCode, "regionCode");
    const localAuthorities = await this.repository.findLocalAuthorities(region);
    if (region !== null && localAuthorities.length === 0) {
      await this.requireRegion(region, "regionCode");
    }
    return search === null ? localAuthorities : namesContaining(localAuthorities, search);
  }

  /** Throws NOT_FOUND naming `argument` unless a region has this (well-formed) code. */
  async requireRegion(code: string, argument: string): Promise<void> {
    if ((await this.loaders.regionByCode.load(code)) === null) {
      throw new NotFoundError(`No region has code ${code}.`, argument);
    }
  }

  /** Throws NOT_FOUND naming `argument` unless a local authority has this (well-formed) code. */
  async requireLocalAuthority(code: number, argument: string): Promise<void> {
    if ((await this.loaders.localAuthorityByCode.load(code)) === null) {
      throw new NotFoundError(`No local authority has code ${code}.`, argument);
    }
  }

  localAuthoritiesOfRegion(regionCode: string): Promise<LocalAuthorityRecord[]> {
    return this.loaders.localAuthoritiesByRegionCode.load(regionCode);
  }

  async localAuthorityCoverage(code: number, stateFundedOnly: boolean): Promise<Coverage> {
    return coverageFrom(await this.loaders.localAuthorityCoverage.load({ code, stateFundedOnly }));
  }

  async regionCoverage(code: string, stateFundedOnly: boolean): Promise<Coverage> {
    return coverageFrom(await this.loaders.regionCoverage.load({ code, stateFundedOnly }));
  }
}
