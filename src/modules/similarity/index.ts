import { defineModule } from "../module.js";
import { recomputeStore } from "./family-recompute.repository.js";
import { FamilyRecomputeResolver } from "./family-recompute.resolver.js";
import { FamilyRecomputeService } from "./family-recompute.service.js";
import { createSimilarityLoaders } from "./similarity.loaders.js";
import { SimilarityRepository } from "./similarity.repository.js";
import { similarityResolvers } from "./similarity.resolver.js";
import { SimilarityService } from "./similarity.service.js";

declare module "../module.js" {
  interface Services {
    similarity: SimilarityService;
    families: FamilyRecomputeService;
  }
}

export const similarityModule = defineModule({
  resolvers: [...similarityResolvers, FamilyRecomputeResolver],
  services: {
    similarity: ({ db, shared }) => {
      const repository = new SimilarityRepository(db);
      return new SimilarityService(
        shared.similarityIndex,
        repository,
        createSimilarityLoaders(repository),
      );
    },
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
