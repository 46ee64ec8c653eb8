import { defineModule } from "../module.js";
import { createSimilarityLoaders } from "./similarity.loaders.js";
import { SimilarityRepository } from "./similarity.repository.js";
import { similarityResolvers } from "./similarity.resolver.js";
import { SimilarityService } from "./similarity.service.js";

declare module "../module.js" {
  interface Services {
    similarity: SimilarityService;
  }
}

export const similarityModule = defineModule({
  resolvers: [...similarityResolvers],
  services: {
    similarity: ({ db, shared }) => {
      const repository = new SimilarityRepository(db);
      return new SimilarityService(
        shared.similarityIndex,
        repository,
        createSimilarityLoaders(repository),
      );
    },
  },
});
