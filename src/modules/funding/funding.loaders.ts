import { keyedLoader } from "../common/loaders.js";
import type { GrantRecord } from "./funding.model.js";
import type { FundingRepository } from "./funding.repository.js";

export function createFundingLoaders(repository: FundingRepository) {
  return {
    grantsByUrn: keyedLoader<number, GrantRecord[]>(
      (urns) => repository.findBySchoolUrns(urns),
      () => [],
    ),
    grantsByPartnershipId: keyedLoader<string, GrantRecord[]>(
      (ids) => repository.findByPartnershipIds(ids),
      () => [],
    ),
  };
}

export type FundingLoaders = ReturnType<typeof createFundingLoaders>;
