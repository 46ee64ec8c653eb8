import { defineModule } from "../module.js";
import { createPartnershipLoaders } from "../partnerships/partnership.loaders.js";
import { PartnershipRepository } from "../partnerships/partnership.repository.js";
import { EvaluationResolver } from "./evaluation.resolver.js";
import { EvaluationService } from "./evaluation.service.js";

declare module "../module.js" {
  interface Services {
    evaluation: EvaluationService;
  }
}

export const evaluationModule = defineModule({
  resolvers: [EvaluationResolver],
  services: {
    evaluation: ({ db, shared }) =>
      new EvaluationService(
        shared.impactSnapshots,
        createPartnershipLoaders(new PartnershipRepository(db)),
        shared.similarityIndex,
      ),
  },
});
