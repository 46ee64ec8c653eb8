import { defineModule } from "../module.js";
import { createGeographyLoaders } from "./geography.loaders.js";
import { GeographyRepository } from "./geography.repository.js";
import { LocalAuthorityResolver, RegionResolver } from "./geography.resolver.js";
import { GeographyService } from "./geography.service.js";

declare module "../module.js" {
  interface Services {
    geography: GeographyService;
  }
}

export const geographyModule = defineModule({
  resolvers: [RegionResolver, LocalAuthorityResolver],
  services: {
    geography: ({ db }) => {
      const repository = new GeographyRepository(db);
      return new GeographyService(repository, createGeographyLoaders(repository));
    },
  },
});
