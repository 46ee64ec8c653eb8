import { defineModule } from "../module.js";
import { createSchoolLoaders } from "./school.loaders.js";
import { SchoolRepository } from "./school.repository.js";
import {
  EstablishmentLinkResolver,
  SchoolPlaceResolver,
  SchoolResolver,
  schoolSourceResolvers,
} from "./school.resolver.js";
import { SchoolService } from "./school.service.js";

declare module "../module.js" {
  interface Services {
    schools: SchoolService;
  }
}

export const schoolsModule = defineModule({
  resolvers: [
    SchoolResolver,
    SchoolPlaceResolver,
    EstablishmentLinkResolver,
    ...schoolSourceResolvers,
  ],
  services: {
    schools: ({ db, schoolSelection, services }) => {
      const repository = new SchoolRepository(db);
      const loaders = createSchoolLoaders(repository, schoolSelection, {
        areas: services.geography,
        memberships: services.partnerships,
      });
      return new SchoolService(repository, loaders, services.geography, schoolSelection);
    },
  },
});
