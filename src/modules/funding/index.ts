import { defineModule } from "../module.js";
import { GeographyRepository } from "../geography/geography.repository.js";
import { createFundingLoaders } from "./funding.loaders.js";
import { FundingRepository } from "./funding.repository.js";
import { fundingResolvers } from "./funding.resolver.js";
import { FundingService } from "./funding.service.js";

declare module "../module.js" {
  interface Services {
    funding: FundingService;
  }
}

export const fundingModule = defineModule({
  resolvers: [...fundingResolvers],
  services: {
    funding: ({ db, principal, requestId }) => {
      const repository = new FundingRepository(db);
      return new FundingService(
        repository,
        createFundingLoaders(repository),
        new GeographyRepository(db),
        principal,
        requestId,
      );
    },
  },
});
