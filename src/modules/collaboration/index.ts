import { defineModule } from "../module.js";
import { createCollaborationLoaders } from "./collaboration.loaders.js";
import { CollaborationRepository } from "./collaboration.repository.js";
import { CollaborationModelResolver } from "./collaboration.resolver.js";
import { CollaborationService } from "./collaboration.service.js";

declare module "../module.js" {
  interface Services {
    collaboration: CollaborationService;
  }
}

export const collaborationModule = defineModule({
  resolvers: [CollaborationModelResolver],
  services: {
    collaboration: ({ db, principal }) =>
      new CollaborationService(
        createCollaborationLoaders(new CollaborationRepository(db)),
        principal,
      ),
  },
});
