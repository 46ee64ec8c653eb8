import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { ValidationError } from "../../errors/index.js";
import type { CollaborationLoaders } from "../collaboration/collaboration.loaders.js";
import { pageSize } from "../common/pagination.js";
import type { ProposalLoaders } from "./proposal.loaders.js";
import type {
  LeaveResult,
  ProposalRecord,
  ProposalRequest,
  ProposalStatus,
} from "./proposal.model.js";
import type { ProposalRepository } from "./proposal.repository.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import { checkProposal, planLeave, planResponse } from "./proposal.rules.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields of proposePartnership's input, after class-validator has checked each one. */
export interface ProposalInput {
  proposerUrn: number;
  inviteeUrns: number[];
  model: string;
  name?: string | null;
  partnershipId?: string | null;
}

/** Today's date in England's calendar sense is close enough to UTC's for notice periods. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class ProposalService {
  constructor(
    private readonly repository: ProposalRepository,
    private readonly loaders: ProposalLoaders,
    private readonly collaboration: CollaborationLoaders,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  /** Who is writing; only called after `authorize` let a signed-in principal through. */
  private origin(): WriteOrigin {
    if (this.principal.role === "ANONYMOUS") throw new Error("origin() before authorize()");
    return { actor: actorOf(this.principal), requestId: this.requestId };
  }

  /**
   * Records a proposal and its invitations. Checks across fields come first (no self-invite,
   * no name when joining), then the rules in `checkProposal` against the graph, all in the
   * transaction that writes the proposal.
   */
  async propose(input: ProposalInput): Promise<ProposalRecord> {
    authorize(this.principal, "proposePartnership", { urns: [input.proposerUrn] });
    if (input.inviteeUrns.includes(input.proposerUrn)) {
      throw new ValidationError(
        "`input.inviteeUrns` must not include the proposing school.",
        "input.inviteeUrns",
      );
    }
    const partnershipId = input.partnershipId ?? null;
    const name = input.name?.trim() ?? null;
    if (partnershipId !== null && name !== null) {
      throw new ValidationError(
        "`input.name` names a new partnership: leave it out when joining one with `partnershipId`.",
        "input.name",
      );
    }
    const request: ProposalRequest = {
      proposerUrn: input.proposerUrn,
      inviteeUrns: input.inviteeUrns,
      modelId: input.model,
      name,
      partnershipId,
    };
    return this.repository.propose(
      request,
      (context) => checkProposal(request, context),
      this.origin(),
    );
  }

  async respond(proposalId: string, urn: number, accept: boolean): Promise<ProposalRecord> {
    authorize(this.principal, "respondToProposal", { urns: [urn] });
    return this.repository.respond(
      proposalId,
      urn,
      (context) => planResponse(urn, accept, context),
      this.origin(),
    );
  }

  async leave(urn: number, partnershipId: string): Promise<LeaveResult> {
    authorize(this.principal, "leavePartnership", { urns: [urn] });
    const day = today();
    return this.repository.leave(
      urn,
      partnershipId,
      (membership, catalogue) => planLeave(membership, catalogue, day),
      day,
      this.origin(),
    );
  }

  /** A proposal its parties, oversight of their regions and admins may read; null when unknown. */
  async byId(id: string): Promise<ProposalRecord | null> {
    if (this.principal.role === "ANONYMOUS") authorize(this.principal, "readProposal");
    if (!UUID.test(id)) return null;
    const proposal = await this.loaders.proposalById.load(id);
    if (proposal === null) return null;
    authorize(this.principal, "readProposal", {
      urns: [proposal.proposerUrn, ...proposal.invitations.map((invitation) => invitation.urn)],
      regionCodes: proposal.regionCodes,
    });
    return proposal;
  }

  /** Proposals a school made or was invited by, newest first. */
  async forSchool(
    urn: number,
    status: ProposalStatus | null | undefined,
    first: number | null | undefined,
  ): Promise<ProposalRecord[]> {
    if (this.principal.role === "ANONYMOUS") authorize(this.principal, "readProposal");
    const size = pageSize(first, "first");
    const standing = await this.collaboration.standingByUrn.load(urn);
    authorize(this.principal, "readProposal", {
      urns: [urn],
      regionCodes: standing ? [standing.regionCode] : [],
    });
    if (standing === null) return [];
    const ids = await this.repository.idsForSchool(urn, status ?? null, size);
    const proposals = await this.loaders.proposalById.loadMany(ids);
    return proposals.filter(
      (proposal): proposal is ProposalRecord => proposal !== null && !(proposal instanceof Error),
    );
  }
}
