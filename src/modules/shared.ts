import type { FamiliesRunner } from "./similarity/family-recompute.service.js";
import type { ClusterProposalStore } from "./clusters/cluster.store.js";
import type { ImpactDataStore } from "./evaluation/evaluation.store.js";
import type { SupportDataStore } from "./support/gap.store.js";
import type { PartnerFactsStore } from "./matching/partner-facts.js";
import type { SimilarityIndex } from "./similarity/similarity-index.js";

/** Process-wide in-memory state, built once (createApp) and shared by every request. */
export interface SharedState {
  similarityIndex: SimilarityIndex;
  /** Need bands, age ranges and dated figures behind partner matching, reloaded when they change. */
  partnerFacts: PartnerFactsStore;
  /** Schools, system leaders and need bands behind the gap detector, reloaded when data changes. */
  supportSnapshots: SupportDataStore;
  /** Outcome series, families and memberships behind the evaluation, reloaded when data changes. */
  impactSnapshots: ImpactDataStore;
  /** Proposed clusters per LA and parameters, rebuilt when the LA's data changes. */
  clusterProposals: ClusterProposalStore;
  /** Where recomputeFamilies runs its computation: a child process in the server. */
  familiesRunner?: FamiliesRunner;
}
