import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal, type SignedInPrincipal } from "../../auth/principal.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type {
  SupportEngagementRecord,
  SystemLeaderRecord,
} from "../support/system-leader.model.js";
import type {
  CloseEngagementRequest,
  DesignationRequest,
  RecordEngagementRequest,
} from "./engagement.model.js";
import type { EngagementRepository } from "./engagement.repository.js";

/** Recording and closing support engagements; designating and revoking system leaders. */
export class EngagementService {
  constructor(
    private readonly repository: EngagementRepository,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  private origin(principal: Principal): WriteOrigin {
    if (principal.role === "ANONYMOUS")
      throw new Error("unreachable: authorize admits no anonymous writes");
    return { actor: actorOf(principal as SignedInPrincipal), requestId: this.requestId };
  }

  record(request: RecordEngagementRequest): Promise<SupportEngagementRecord> {
    authorize(this.principal, "recordSupportEngagement", {
      systemLeaderId: request.systemLeaderId,
    });
    return this.repository.record(request, this.origin(this.principal));
  }

  close(request: CloseEngagementRequest): Promise<SupportEngagementRecord> {
    // Refuse roles that may never close before reading anything; the leader is checked once known.
    const ownLeader =
      this.principal.role === "SYSTEM_LEADER" ? this.principal.systemLeaderId : null;
    authorize(this.principal, "closeSupportEngagement", { systemLeaderId: ownLeader });
    return this.repository.close(request, this.origin(this.principal), (systemLeaderId) =>
      authorize(this.principal, "closeSupportEngagement", { systemLeaderId }),
    );
  }

  designate(request: DesignationRequest): Promise<SystemLeaderRecord> {
    authorize(this.principal, "designateSystemLeader");
    return this.repository.designate(request, this.origin(this.principal));
  }

  revoke(id: string): Promise<SystemLeaderRecord> {
    authorize(this.principal, "revokeSystemLeader");
    return this.repository.revoke(id, this.origin(this.principal));
  }
}
