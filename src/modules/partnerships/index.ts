import { defineModule } from "../module.js";
import { createPartnershipLoaders } from "./partnership.loaders.js";
import { PartnershipRepository } from "./partnership.repository.js";
import { PartnershipResolver } from "./partnership.resolver.js";
import { PartnershipService } from "./partnership.service.js";

declare module "../module.js" {
  interface Services {
    partnerships: PartnershipService;
  }
}

export const partnershipsModule = defineModule({
  resolvers: [PartnershipResolver],
  services: {
    partnerships: ({ db, schoolSelection }) =>
      new PartnershipService(
        createPartnershipLoaders(new PartnershipRepository(db), schoolSelection),
      ),
  },
});
