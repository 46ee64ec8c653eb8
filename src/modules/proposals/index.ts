import { defineModule } from "../module.js";
import { createProposalLoaders } from "./proposal.loaders.js";
import { ProposalRepository } from "./proposal.repository.js";
import {
  InvitationResolver,
  LeavePartnershipResultResolver,
  ProposalResolver,
} from "./proposal.resolver.js";
import { ProposalService } from "./proposal.service.js";

declare module "../module.js" {
  interface Services {
    proposals: ProposalService;
  }
}

export const proposalsModule = defineModule({
  resolvers: [ProposalResolver, InvitationResolver, LeavePartnershipResultResolver],
  services: {
    proposals: ({ db, principal, requestId, services }) => {
      const repository = new ProposalRepository(db);
      return new ProposalService(
        repository,
        createProposalLoaders(repository),
        services.collaboration.loaders,
        principal,
        requestId,
      );
    },
  },
});
