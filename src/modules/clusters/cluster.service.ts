import { randomUUID } from "node:crypto";
import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { NotFoundError } from "../../errors/index.js";
import type { Logger } from "../../logger.js";
import { checkLocalAuthorityCode } from "../geography/geography.service.js";
import type { ClusterLoaders } from "./cluster.loaders.js";
import {
  type AdoptClustersRequest,
  type AdoptedClustersRecord,
  type AdoptionPlan,
  type BoardRecord,
  type ClusterProposalRecord,
  type ProposeClustersRequest,
} from "./cluster.model.js";
import { checkAdoptionRequest, checkAdoptionSchools, CLUSTER_SIZES } from "./cluster.rules.js";
import type { ClusterRepository } from "./cluster.repository.js";
import type { ClusterProposalStore } from "./cluster.store.js";
import { checkWholeNumber } from "../common/checks.js";

const serviceId = () => `svc-${randomUUID()}`;

/**
 * Proposing geographic clusters of an LA's schools (open data, anyone may ask) and adopting them
 * under a School Improvement Board (see cluster.rules.ts and clustering.ts for the rules).
 */
export class ClusterService {
  constructor(
    private readonly repository: ClusterRepository,
    private readonly loaders: ClusterLoaders,
    /** Process-wide: proposals are memoised across requests (cluster.store.ts). */
    private readonly proposalStore: ClusterProposalStore,
    private readonly principal: Principal,
    private readonly requestId: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Clusters of the LA's open state-funded schools, memoised until the LA's data changes.
   * Schools without a location cannot be placed and are left out; how many were is logged.
   */
  async propose(request: ProposeClustersRequest): Promise<ClusterProposalRecord[]> {
    const targetSize = checkWholeNumber(
      request.targetSize ?? CLUSTER_SIZES.defaultTarget,
      CLUSTER_SIZES.minTarget,
      CLUSTER_SIZES.maxTarget,
      "targetSize",
    );
    const code = checkLocalAuthorityCode(request.localAuthorityCode, "localAuthorityCode");
    const set = await this.proposalStore.proposals(code, {
      targetSize,
      mixPhases: request.mixPhases ?? true,
    });
    if (set === null) {
      throw new NotFoundError(`No local authority has code ${code}.`, "localAuthorityCode");
    }
    if (set.unplacedUrns.length > 0) {
      this.logger.info(
        {
          localAuthorityCode: code,
          unplacedSchools: set.unplacedUrns.length,
          urns: set.unplacedUrns.slice(0, 20),
        },
        "schools without a location were left out of the proposed clusters",
      );
    }
    return set.proposals;
  }

  async adopt(request: AdoptClustersRequest): Promise<AdoptedClustersRecord> {
    // Roles that may never adopt are refused before anything is read.
    if (this.principal.role !== "OVERSIGHT") authorize(this.principal, "adoptClusters");
    const code = checkLocalAuthorityCode(request.localAuthorityCode, "input.localAuthorityCode");
    const la = await this.repository.localAuthority(code);
    if (la === null) {
      throw new NotFoundError(`No local authority has code ${code}.`, "input.localAuthorityCode");
    }
    authorize(this.principal, "adoptClusters", {
      regionCodes: [la.regionCode],
      urns: request.clusters.flatMap((cluster) => cluster.urns),
    });
    checkAdoptionRequest(request);
    if (this.principal.role === "ANONYMOUS") throw new Error("unreachable: authorized above");

    const plan: AdoptionPlan = {
      localAuthorityCode: code,
      regionCode: la.regionCode,
      board: {
        id: serviceId(),
        name: request.board.name,
        chair: { ...request.board.chair, id: serviceId() },
        members: request.board.members.map((member) => ({ ...member, id: serviceId() })),
      },
      clusters: request.clusters.map((cluster) => ({
        id: serviceId(),
        name: cluster.name,
        urns: cluster.urns,
      })),
    };
    const urns = [
      ...request.clusters.flatMap((cluster) => cluster.urns),
      ...request.board.members.flatMap((member) => (member.urn === null ? [] : [member.urn])),
    ];
    return this.repository.adopt(
      plan,
      [...new Set(urns)],
      (schools) => checkAdoptionSchools(request, la.name, schools),
      { actor: actorOf(this.principal), requestId: this.requestId },
    );
  }

  async overseenById(partnershipId: string): Promise<string | null> {
    return (await this.loaders.linksByPartnershipId.load(partnershipId)).overseenById;
  }

  async overseesIds(partnershipId: string): Promise<string[]> {
    return (await this.loaders.linksByPartnershipId.load(partnershipId)).overseesIds;
  }

  board(partnershipId: string): Promise<BoardRecord | null> {
    return this.loaders.boardByPartnershipId.load(partnershipId);
  }
}
