import { defineModule } from "../module.js";
import { createDatasetLoaders } from "./dataset.loaders.js";
import { DatasetRepository } from "./dataset.repository.js";
import { DatasetResolver } from "./dataset.resolver.js";
import { DatasetService } from "./dataset.service.js";

declare module "../module.js" {
  interface Services {
    datasets: DatasetService;
  }
}

export const datasetsModule = defineModule({
  resolvers: [DatasetResolver],
  services: {
    datasets: ({ db }) => {
      const repository = new DatasetRepository(db);
      return new DatasetService(repository, createDatasetLoaders(repository));
    },
  },
});
