import { defineModule } from "../module.js";
import { createClusterLoaders } from "./cluster.loaders.js";
import { ClusterRepository } from "./cluster.repository.js";
import { clusterResolvers } from "./cluster.resolver.js";
import { ClusterService } from "./cluster.service.js";

declare module "../module.js" {
  interface Services {
    clusters: ClusterService;
  }
}

export const clustersModule = defineModule({
  resolvers: [...clusterResolvers],
  services: {
    clusters: ({ db, shared, principal, requestId, logger }) => {
      const repository = new ClusterRepository(db);
      return new ClusterService(
        repository,
        createClusterLoaders(repository),
        shared.clusterProposals,
        principal,
        requestId,
        logger,
      );
    },
  },
});
