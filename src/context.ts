import type { Database } from "./db/driver.js";
import { ANONYMOUS, type Principal } from "./auth/principal.js";
import type { Logger } from "./logger.js";
import { AuditRepository } from "./modules/audit/audit.repository.js";
import { createAdviserLoaders } from "./modules/advisers/adviser.loaders.js";
import { AdviserRepository } from "./modules/advisers/adviser.repository.js";
import { AdviserService } from "./modules/advisers/adviser.service.js";
import { createFundingLoaders } from "./modules/funding/funding.loaders.js";
import { FundingRepository } from "./modules/funding/funding.repository.js";
import { FundingService } from "./modules/funding/funding.service.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { createCollaborationLoaders } from "./modules/collaboration/collaboration.loaders.js";
import { CollaborationRepository } from "./modules/collaboration/collaboration.repository.js";
import { CollaborationService } from "./modules/collaboration/collaboration.service.js";
import { EngagementRepository } from "./modules/engagements/engagement.repository.js";
import { EngagementService } from "./modules/engagements/engagement.service.js";
import { RecognitionRepository } from "./modules/recognition/recognition.repository.js";
import { RecognitionService } from "./modules/recognition/recognition.service.js";
import { recomputeStore } from "./modules/engagements/family-recompute.repository.js";
import {
  FamilyRecomputeService,
  type FamiliesRunner,
  type RecomputeStore,
} from "./modules/engagements/family-recompute.service.js";
import { OfferRepository } from "./modules/offers/offer.repository.js";
import { OfferService } from "./modules/offers/offer.service.js";
import { createProposalLoaders } from "./modules/proposals/proposal.loaders.js";
import { ProposalRepository } from "./modules/proposals/proposal.repository.js";
import { ProposalService } from "./modules/proposals/proposal.service.js";
import { createDatasetLoaders } from "./modules/datasets/dataset.loaders.js";
import { DatasetRepository } from "./modules/datasets/dataset.repository.js";
import { DatasetService } from "./modules/datasets/dataset.service.js";
import { createGeographyLoaders } from "./modules/geography/geography.loaders.js";
import { GeographyRepository } from "./modules/geography/geography.repository.js";
import { GeographyService } from "./modules/geography/geography.service.js";
import { MatchingRepository } from "./modules/matching/matching.repository.js";
import { MatchingService } from "./modules/matching/matching.service.js";
import type { PartnerFactsStore } from "./modules/matching/partner-facts.js";
import { createPartnershipLoaders } from "./modules/partnerships/partnership.loaders.js";
import { PartnershipRepository } from "./modules/partnerships/partnership.repository.js";
import { PartnershipService } from "./modules/partnerships/partnership.service.js";
import { createSchoolLoaders } from "./modules/schools/school.loaders.js";
import { SchoolRepository } from "./modules/schools/school.repository.js";
import { SchoolService } from "./modules/schools/school.service.js";
import { wholeSchools, type SchoolSelection } from "./modules/schools/school.projection.js";
import { SearchRepository } from "./modules/search/search.repository.js";
import { SearchService } from "./modules/search/search.service.js";
import { GapRepository } from "./modules/gaps/gap.repository.js";
import type { GapService } from "./modules/gaps/gap.service.js";
import type { SupportDataStore } from "./modules/gaps/gap.store.js";
import { NeedBandRepository } from "./modules/gaps/need-band.repository.js";
import { createSupportServices } from "./modules/system-leaders/support.services.js";
import { SystemLeaderRepository } from "./modules/system-leaders/system-leader.repository.js";
import type { SystemLeaderService } from "./modules/system-leaders/system-leader.service.js";
import type { SimilarityIndex } from "./modules/similarity/similarity-index.js";
import { createSimilarityLoaders } from "./modules/similarity/similarity.loaders.js";
import { SimilarityRepository } from "./modules/similarity/similarity.repository.js";
import { SimilarityService } from "./modules/similarity/similarity.service.js";
import { EvaluationRepository } from "./modules/evaluation/evaluation.repository.js";
import { EvaluationService } from "./modules/evaluation/evaluation.service.js";
import type { ImpactDataStore } from "./modules/evaluation/evaluation.store.js";
import { createClusterLoaders } from "./modules/clusters/cluster.loaders.js";
import { ClusterRepository } from "./modules/clusters/cluster.repository.js";
import { ClusterService } from "./modules/clusters/cluster.service.js";
import type { ClusterProposalStore } from "./modules/clusters/cluster.store.js";
import { ImportRepository } from "./modules/imports/import.repository.js";
import { ImportService } from "./modules/imports/import.service.js";

/** Stateless data access, created once per process. */
export interface Repositories {
  schools: SchoolRepository;
  search: SearchRepository;
  geography: GeographyRepository;
  partnerships: PartnershipRepository;
  datasets: DatasetRepository;
  collaboration: CollaborationRepository;
  proposals: ProposalRepository;
  offers: OfferRepository;
  matching: MatchingRepository;
  engagements: EngagementRepository;
  recognition: RecognitionRepository;
  familyRecompute: RecomputeStore;
  audit: AuditRepository;
  similarity: SimilarityRepository;
  systemLeaders: SystemLeaderRepository;
  needBands: NeedBandRepository;
  gaps: GapRepository;
  advisers: AdviserRepository;
  funding: FundingRepository;
  evaluation: EvaluationRepository;
  clusters: ClusterRepository;
  imports: ImportRepository;
}

/** Process-wide in-memory state, built once and shared by every request. */
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

export interface Services {
  schools: SchoolService;
  search: SearchService;
  geography: GeographyService;
  partnerships: PartnershipService;
  datasets: DatasetService;
  collaboration: CollaborationService;
  proposals: ProposalService;
  offers: OfferService;
  engagements: EngagementService;
  recognition: RecognitionService;
  families: FamilyRecomputeService;
  audit: AuditService;
  similarity: SimilarityService;
  matching: MatchingService;
  gaps: GapService;
  advisers: AdviserService;
  funding: FundingService;
  evaluation: EvaluationService;
  systemLeaders: SystemLeaderService;
  clusters: ClusterService;
  imports: ImportService;
}

export interface GraphQLContext {
  requestId: string;
  /** Carries the request id on every line. */
  logger: Logger;
  services: Services;
  /** Who is asking: anonymous, or what a verified bearer token says. */
  principal: Principal;
  /** What the request's operation reads of each school; set once the operation is known. */
  schoolSelection: SchoolSelection;
}

export function createRepositories(db: Database): Repositories {
  const similarity = new SimilarityRepository(db);
  return {
    schools: new SchoolRepository(db),
    search: new SearchRepository(db),
    geography: new GeographyRepository(db),
    partnerships: new PartnershipRepository(db),
    datasets: new DatasetRepository(db),
    collaboration: new CollaborationRepository(db),
    proposals: new ProposalRepository(db),
    offers: new OfferRepository(db),
    matching: new MatchingRepository(db),
    engagements: new EngagementRepository(db),
    recognition: new RecognitionRepository(db),
    familyRecompute: recomputeStore(similarity, db),
    audit: new AuditRepository(db),
    similarity,
    systemLeaders: new SystemLeaderRepository(db),
    needBands: new NeedBandRepository(db),
    gaps: new GapRepository(db),
    advisers: new AdviserRepository(db),
    funding: new FundingRepository(db),
    evaluation: new EvaluationRepository(db),
    clusters: new ClusterRepository(db),
    imports: new ImportRepository(db),
  };
}

/**
 * The context for one GraphQL request. Services and their DataLoaders are built afresh for
 * every request: a loader caches what it has read, and that cache must neither outlive the
 * request nor be seen by another client.
 */
export function createContext(
  repositories: Repositories,
  request: { requestId: string; logger: Logger; principal?: Principal },
  shared: SharedState,
): GraphQLContext {
  const principal = request.principal ?? ANONYMOUS;
  const schoolSelection = wholeSchools();
  const partnershipLoaders = createPartnershipLoaders(repositories.partnerships, schoolSelection);
  const collaborationLoaders = createCollaborationLoaders(repositories.collaboration);
  const geography = new GeographyService(
    repositories.geography,
    createGeographyLoaders(repositories.geography),
  );
  const partnerships = new PartnershipService(partnershipLoaders);
  return {
    requestId: request.requestId,
    principal,
    logger: request.logger,
    schoolSelection,
    services: {
      schools: new SchoolService(
        repositories.schools,
        createSchoolLoaders(repositories.schools, schoolSelection, {
          areas: geography,
          memberships: partnerships,
        }),
        geography,
        schoolSelection,
      ),
      search: new SearchService(repositories.search),
      geography,
      partnerships,
      datasets: new DatasetService(
        repositories.datasets,
        createDatasetLoaders(repositories.datasets),
      ),
      collaboration: new CollaborationService(collaborationLoaders, principal),
      proposals: new ProposalService(
        repositories.proposals,
        createProposalLoaders(repositories.proposals),
        collaborationLoaders,
        principal,
        request.requestId,
      ),
      offers: new OfferService(repositories.offers, principal, request.requestId, () =>
        shared.partnerFacts.invalidate(),
      ),
      engagements: new EngagementService(repositories.engagements, principal, request.requestId),
      recognition: new RecognitionService(repositories.recognition, principal),
      families: new FamilyRecomputeService(
        repositories.familyRecompute,
        shared.similarityIndex,
        principal,
        request.requestId,
        shared.familiesRunner,
      ),
      audit: new AuditService(repositories.audit, principal),
      similarity: new SimilarityService(
        shared.similarityIndex,
        repositories.similarity,
        createSimilarityLoaders(repositories.similarity),
      ),
      matching: new MatchingService(
        shared.similarityIndex,
        shared.partnerFacts,
        repositories.matching,
        principal,
      ),
      ...createSupportServices(repositories, shared.supportSnapshots, principal),
      advisers: new AdviserService(
        repositories.advisers,
        createAdviserLoaders(repositories.advisers),
        repositories.geography,
        principal,
        request.requestId,
      ),
      funding: new FundingService(
        repositories.funding,
        createFundingLoaders(repositories.funding),
        repositories.geography,
        principal,
        request.requestId,
      ),
      evaluation: new EvaluationService(
        shared.impactSnapshots,
        createPartnershipLoaders(repositories.partnerships),
        shared.similarityIndex,
      ),
      clusters: new ClusterService(
        repositories.clusters,
        createClusterLoaders(repositories.clusters),
        shared.clusterProposals,
        principal,
        request.requestId,
        request.logger,
      ),
      imports: new ImportService(repositories.imports, principal, request.requestId),
    },
  };
}
