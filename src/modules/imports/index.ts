import { defineModule } from "../module.js";
import { ImportRepository } from "./import.repository.js";
import { ImportResolver } from "./import.resolver.js";
import { ImportService } from "./import.service.js";

declare module "../module.js" {
  interface Services {
    imports: ImportService;
  }
}

export const importsModule = defineModule({
  resolvers: [ImportResolver],
  services: {
    imports: ({ db, principal, requestId }) =>
      new ImportService(new ImportRepository(db), principal, requestId),
  },
});
