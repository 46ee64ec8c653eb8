import { defineModule } from "../module.js";
import { createGapLoaders } from "./gap.loaders.js";
import { gapResolvers } from "./gap.resolver.js";
import { GapService } from "./gap.service.js";
import { NeedBandRepository } from "./need-band.repository.js";
import { createSystemLeaderLoaders } from "./system-leader.loaders.js";
import { SystemLeaderRepository } from "./system-leader.repository.js";
import { systemLeaderResolvers } from "./system-leader.resolver.js";
import { SystemLeaderService } from "./system-leader.service.js";

declare module "../module.js" {
  interface Services {
    gaps: GapService;
    systemLeaders: SystemLeaderService;
  }
}

/**
 * System leaders and the gaps they leave: one request's two services share the request's view
 * of the support snapshot, so a query asking for both checks the data version once. The
 * principal decides which support engagements the caller sees.
 */
export const supportModule = defineModule({
  resolvers: [...systemLeaderResolvers, ...gapResolvers],
  services: {
    gaps: ({ db, shared }) =>
      new GapService(shared.supportSnapshots, createGapLoaders(new NeedBandRepository(db))),
    systemLeaders: ({ db, principal, services }) => {
      const repository = new SystemLeaderRepository(db);
      return new SystemLeaderService(
        repository,
        createSystemLeaderLoaders(repository),
        services.gaps,
        principal,
      );
    },
  },
});
