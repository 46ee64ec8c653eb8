import { defineModule } from "../module.js";
import { EngagementRepository } from "./engagement.repository.js";
import { engagementResolvers } from "./engagement.resolver.js";
import { EngagementService } from "./engagement.service.js";
import { recomputeStore } from "./family-recompute.repository.js";
import { FamilyRecomputeService } from "./family-recompute.service.js";
import { SimilarityRepository } from "../similarity/similarity.repository.js";

declare module "../module.js" {
  interface Services {
    engagements: EngagementService;
    families: FamilyRecomputeService;
  }
}

export const engagementsModule = defineModule({
  resolvers: [...engagementResolvers],
  services: {
    engagements: ({ db, principal, requestId }) =>
      new EngagementService(new EngagementRepository(db), principal, requestId),
    families: ({ db, shared, principal, requestId }) =>
      new FamilyRecomputeService(
        recomputeStore(new SimilarityRepository(db), db),
        shared.similarityIndex,
        principal,
        requestId,
        shared.familiesRunner,
      ),
  },
});
