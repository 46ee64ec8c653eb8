import { defineModule } from "../module.js";
import { createGeographyLoaders } from "./geography.loaders.js";
import { GeographyRepository } from "./geography.repository.js";
import { geographyResolvers } from "./geography.resolver.js";
import { GeographyService } from "./geography.service.js";

declare module "../module.js" {
  interface Services {
    geography: GeographyService;
  }
}

export const geographyModule = defineModule({
  resolvers: [...geographyResolvers],
  services: {
    geography: ({ db }) => {
      const repository = new GeographyRepository(db);
      return new GeographyService(repository, createGeographyLoaders(repository));
    },
  },
});
