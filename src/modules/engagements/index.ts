import { defineModule } from "../module.js";
import { EngagementRepository } from "./engagement.repository.js";
import { engagementResolvers } from "./engagement.resolver.js";
import { EngagementService } from "./engagement.service.js";

declare module "../module.js" {
  interface Services {
    engagements: EngagementService;
  }
}

export const engagementsModule = defineModule({
  resolvers: [...engagementResolvers],
  services: {
    engagements: ({ db, principal, requestId }) =>
      new EngagementService(new EngagementRepository(db), principal, requestId),
  },
});
