import DataLoader from "dataloader";
import { keyedLoader } from "../common/loaders.js";
import type { CollaborationModelRecord, SchoolStanding } from "./collaboration.model.js";
import type { CollaborationRepository } from "./collaboration.repository.js";

export function createCollaborationLoaders(repository: CollaborationRepository) {
  return {
    /** The whole catalogue under one key: read at most once per request. */
    catalogue: new DataLoader<"all", CollaborationModelRecord[]>(async (keys) => {
      const models = await repository.findModels();
      return keys.map(() => models);
    }),
    standingByUrn: keyedLoader<number, SchoolStanding | null>(
      (urns) => repository.findStandings(urns),
      () => null,
    ),
  };
}

export type CollaborationLoaders = ReturnType<typeof createCollaborationLoaders>;
