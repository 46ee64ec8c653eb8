import { defineModule } from "../module.js";
import { AuditRepository } from "./audit.repository.js";
import { AuditResolver } from "./audit.resolver.js";
import { AuditService } from "./audit.service.js";

declare module "../module.js" {
  interface Services {
    audit: AuditService;
  }
}

export const auditModule = defineModule({
  resolvers: [AuditResolver],
  services: { audit: ({ db, principal }) => new AuditService(new AuditRepository(db), principal) },
});
