import { defineModule } from "../module.js";
import { SearchRepository } from "./search.repository.js";
import { SearchResolver } from "./search.resolver.js";
import { SearchService } from "./search.service.js";

declare module "../module.js" {
  interface Services {
    search: SearchService;
  }
}

export const searchModule = defineModule({
  resolvers: [SearchResolver],
  services: { search: ({ db }) => new SearchService(new SearchRepository(db)) },
});
