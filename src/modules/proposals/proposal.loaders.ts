import { keyedLoader } from "../common/loaders.js";
import type { ProposalRecord } from "./proposal.model.js";
import type { ProposalRepository } from "./proposal.repository.js";

export function createProposalLoaders(repository: ProposalRepository) {
  return {
    proposalById: keyedLoader<string, ProposalRecord | null>(
      (ids) => repository.findByIds(ids),
      () => null,
    ),
  };
}

export type ProposalLoaders = ReturnType<typeof createProposalLoaders>;
