import { ValidationError } from "../../errors/index.js";
import type { PartnershipType } from "../partnerships/partnership.model.js";
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

  regions(): Promise<RegionRecord[]> {
    return this.repository.findAllRegions();
  }

  region(code: string, argument = "code"): Promise<RegionRecord | null> {
    return this.loaders.regionByCode.load(checkRegionCode(code, argument));
  }

  /** The region an LA or school names; null when it names none or an unknown one. */
  async regionByCode(code: string | null): Promise<RegionRecord | null> {
    return code === null ? null : this.loaders.regionByCode.load(code);
  }

  localAuthority(code: number, argument = "code"): Promise<LocalAuthorityRecord | null> {
    return this.loaders.localAuthorityByCode.load(checkLocalAuthorityCode(code, argument));
  }

  async localAuthorityByCode(code: number | null): Promise<LocalAuthorityRecord | null> {
    return code === null ? null : this.loaders.localAuthorityByCode.load(code);
  }

  localAuthorities(regionCode: string | null | undefined): Promise<LocalAuthorityRecord[]> {
    const region = regionCode == null ? null : checkRegionCode(regionCode, "regionCode");
    return this.repository.findLocalAuthorities(region);
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
