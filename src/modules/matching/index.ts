import { defineModule } from "../module.js";
import { MatchingRepository } from "./matching.repository.js";
import { MatchingResolver } from "./matching.resolver.js";
import { MatchingService } from "./matching.service.js";

declare module "../module.js" {
  interface Services {
    matching: MatchingService;
  }
}

export const matchingModule = defineModule({
  resolvers: [MatchingResolver],
  services: {
    matching: ({ db, shared, principal }) =>
      new MatchingService(
        shared.similarityIndex,
        shared.partnerFacts,
        new MatchingRepository(db),
        principal,
      ),
  },
});
