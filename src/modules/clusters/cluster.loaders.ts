import { keyedLoader } from "../common/loaders.js";
import type { BoardRecord, ClusterLinks } from "./cluster.model.js";
import type { ClusterRepository } from "./cluster.repository.js";

export function createClusterLoaders(repository: ClusterRepository) {
  return {
    linksByPartnershipId: keyedLoader<string, ClusterLinks>(
      (ids) => repository.findLinks(ids),
      () => ({ overseenById: null, overseesIds: [] }),
    ),
    boardByPartnershipId: keyedLoader<string, BoardRecord | null>(
      (ids) => repository.findBoards(ids),
      () => null,
    ),
  };
}

export type ClusterLoaders = ReturnType<typeof createClusterLoaders>;
