import { defineModule } from "../module.js";
import { GeographyRepository } from "../geography/geography.repository.js";
import { createAdviserLoaders } from "./adviser.loaders.js";
import { AdviserRepository } from "./adviser.repository.js";
import { adviserResolvers } from "./adviser.resolver.js";
import { AdviserService } from "./adviser.service.js";

declare module "../module.js" {
  interface Services {
    advisers: AdviserService;
  }
}

export const advisersModule = defineModule({
  resolvers: [...adviserResolvers],
  services: {
    advisers: ({ db, principal, requestId }) => {
      const repository = new AdviserRepository(db);
      return new AdviserService(
        repository,
        createAdviserLoaders(repository),
        new GeographyRepository(db),
        principal,
        requestId,
      );
    },
  },
});
