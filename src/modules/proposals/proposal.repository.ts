import { randomUUID } from "node:crypto";
import { Neo4jError } from "neo4j-driver";
import type { Actor } from "../../auth/principal.js";
import type { Database, Row } from "../../db/driver.js";
import { ConflictError, NotFoundError } from "../../errors/index.js";
import { recordAudit, type TransactionRun } from "../audit/audit.writer.js";
import type { SchoolStanding } from "../collaboration/collaboration.model.js";
import { toCollaborationModel, toStanding } from "../collaboration/collaboration.repository.js";
import { Catalogue } from "../collaboration/collaboration.rules.js";
import { cypherInt } from "../common/params.js";
import {
  asBoolean,
  asDate,
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import {
  INVITATION_STATUSES,
  PROPOSAL_STATUSES,
  membershipKey,
  partnershipIdFor,
  type LeavePlan,
  type LeaveResult,
  type MembershipState,
  type ProposalRecord,
  type ProposalRequest,
  type ResponsePlan,
  type TargetPartnership,
} from "./proposal.model.js";
import type { ProposalContext, ResponseContext } from "./proposal.rules.js";

/** Who is writing, for the audit event each write records. */
export interface WriteOrigin {
  actor: Actor;
  requestId: string;
}

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

/**
 * Proposals, answers and leaving. Each public method is one write transaction: it locks what
 * it will change, reads the state, hands that to the caller's rule (which may throw, rolling
 * everything back), applies the outcome and records the audit event.
 */
export class ProposalRepository {
  constructor(private readonly db: Database) {}

  // findProposalsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, ProposalRecord>> {
    const rows = await this.db.read("proposals/findProposalsByIds", { ids });
    const proposals = rows.map((row) => toProposal(row["proposal"]));
    return new Map(proposals.map((proposal) => [proposal.id, proposal]));
  }

  // listProposalsBySchool
  async idsForSchool(urn: number, status: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.read("proposals/listProposalsBySchool", {
      urn,
      status,
      limit: cypherInt(limit),
    });
    return rows.map((row) => requireString(row["id"], "PartnershipProposal.id"));
  }

  async propose(
    request: ProposalRequest,
    check: (context: ProposalContext) => unknown,
    origin: WriteOrigin,
  ): Promise<ProposalRecord> {
    return this.db.writeTransaction(async (run) => {
      const urns = [request.proposerUrn, ...request.inviteeUrns];
      const schools = await standings(run, urns);
      const catalogue = await catalogueIn(run);
      const target =
        request.partnershipId === null
          ? null
          : toTarget(
              (
                await run("proposals/findProposalTarget", {
                  partnershipId: request.partnershipId,
                  urns,
                })
              )[0],
            );
      check({ catalogue, schools, target });

      const id = randomUUID();
      await run("proposals/createProposal", {
        proposal: {
          id,
          modelId: request.modelId,
          name: request.name,
          proposerUrn: request.proposerUrn,
          partnershipId: request.partnershipId ?? partnershipIdFor(id),
          joinsExisting: request.partnershipId !== null,
          createdBy: origin.actor.sub,
        },
        inviteeUrns: request.inviteeUrns,
      });
      const proposal = await proposalIn(run, id);
      await recordAudit(run, {
        ...origin,
        action: "proposePartnership",
        targetType: "PartnershipProposal",
        targetId: id,
        urns,
        regionCodes: proposal.regionCodes,
        before: null,
        after: proposal,
      });
      return proposal;
    });
  }

  async respond(
    proposalId: string,
    urn: number,
    plan: (context: ResponseContext) => ResponsePlan,
    origin: WriteOrigin,
  ): Promise<ProposalRecord> {
    return this.db
      .writeTransaction(async (run) => {
        const locked = await run("proposals/lockProposal", { proposalId });
        if (locked.length === 0) {
          throw new NotFoundError(`No partnership proposal has id ${proposalId}.`, "proposalId");
        }
        const before = await proposalIn(run, proposalId);
        const schools = await standings(run, [urn, before.proposerUrn]);
        const decision = plan({ proposal: before, catalogue: await catalogueIn(run), schools });

        await run("proposals/answerInvitation", {
          proposalId,
          urn,
          invitationStatus: decision.invitationStatus,
          proposalStatus: decision.proposalStatus,
          respondedBy: origin.actor.sub,
        });
        if (decision.formPartnership) {
          await run("proposals/formPartnership", {
            proposalId,
            partnership: decision.formPartnership,
            createdBy: origin.actor.sub,
          });
        }
        const joined: number[] = [];
        for (const member of decision.newMemberUrns) {
          const rows = await run("proposals/addMembership", {
            partnershipId: before.partnershipId,
            urn: member,
            key: membershipKey(before.partnershipId, member),
            proposalId,
          });
          if (rows[0]?.["created"] === true) joined.push(member);
        }

        const after = await proposalIn(run, proposalId);
        await recordAudit(run, {
          ...origin,
          action: "respondToProposal",
          targetType: "PartnershipProposal",
          targetId: proposalId,
          urns: [urn, before.proposerUrn],
          regionCodes: after.regionCodes,
          before: { status: before.status, invitation: invitationOf(before, urn) },
          after: {
            status: after.status,
            invitation: invitationOf(after, urn),
            partnershipFormed: decision.formPartnership?.id ?? null,
            membershipsCreated: joined.map((member) => ({
              urn: member,
              partnershipId: before.partnershipId,
            })),
          },
        });
        return after;
      })
      .catch(duplicateMembershipAsConflict);
  }

  async leave(
    urn: number,
    partnershipId: string,
    plan: (membership: MembershipState, catalogue: Catalogue) => LeavePlan,
    today: string,
    origin: WriteOrigin,
  ): Promise<LeaveResult> {
    return this.db.writeTransaction(async (run) => {
      const [row] = await run("proposals/findMembershipForLeaving", { partnershipId, urn });
      if (!row) {
        throw new NotFoundError(`No partnership has id ${partnershipId}.`, "partnershipId");
      }
      const partnership = asProperties(row["partnership"]) ?? {};
      const membership = asProperties(row["membership"]);
      const partnershipName = asString(partnership["name"]) ?? partnershipId;
      if (membership === null) {
        throw new NotFoundError(
          `School ${urn} is not a member of ${partnershipName}.`,
          "partnershipId",
        );
      }
      const state: MembershipState = {
        urn,
        regionCode: asString(membership["regionCode"]),
        partnershipId,
        partnershipName,
        partnershipType: asString(partnership["type"]),
        partnershipStatus: asString(partnership["status"]),
        modelId: asString(partnership["modelId"]),
        joinedOn: asDate(membership["joinedOn"]),
        noticeGivenOn: asDate(membership["noticeGivenOn"]),
        leavingOn: asDate(membership["leavingOn"]),
      };
      const decision = plan(state, await catalogueIn(run));

      let partnershipStatus = state.partnershipStatus;
      if (decision.outcome === "LEFT") {
        const [removed] = await run("proposals/removeMembership", { partnershipId, urn });
        partnershipStatus = asString(removed?.["status"]);
      } else {
        await run("proposals/giveNotice", {
          partnershipId,
          urn,
          noticeGivenOn: decision.noticeGivenOn,
          leavingOn: decision.leavingOn,
        });
      }
      const result: LeaveResult = {
        urn,
        partnershipId,
        outcome: decision.outcome,
        leavingOn: decision.outcome === "LEFT" ? today : decision.leavingOn,
      };
      await recordAudit(run, {
        ...origin,
        action: "leavePartnership",
        targetType: "Partnership",
        targetId: partnershipId,
        urns: [urn],
        regionCodes: state.regionCode === null ? [] : [state.regionCode],
        before: {
          membership: {
            urn,
            partnershipId,
            joinedOn: state.joinedOn,
            noticeGivenOn: state.noticeGivenOn,
            leavingOn: state.leavingOn,
          },
          partnershipStatus: state.partnershipStatus,
        },
        after: { ...result, partnershipStatus },
      });
      return result;
    });
  }
}

async function standings(
  run: TransactionRun,
  urns: readonly number[],
): Promise<Map<number, SchoolStanding>> {
  const rows = await run("collaboration/findSchoolStandings", { urns: [...new Set(urns)] });
  return new Map(
    rows.map((row) => {
      const standing = toStanding(row["school"], row["memberships"]);
      return [standing.urn, standing];
    }),
  );
}

async function catalogueIn(run: TransactionRun): Promise<Catalogue> {
  const rows = await run("collaboration/findCollaborationModels");
  return new Catalogue(rows.map((row) => toCollaborationModel(row["model"])));
}

async function proposalIn(run: TransactionRun, id: string): Promise<ProposalRecord> {
  const [row] = await run("proposals/findProposalsByIds", { ids: [id] });
  return toProposal(row?.["proposal"]);
}

function invitationOf(proposal: ProposalRecord, urn: number) {
  return proposal.invitations.find((invitation) => invitation.urn === urn) ?? null;
}

/**
 * The uniqueness constraint on membership keys caught a duplicate the lock should already have
 * prevented: the school is a member, which is what the client asked for, but say so plainly.
 */
function duplicateMembershipAsConflict(error: unknown): never {
  if (error instanceof Neo4jError && error.code === CONSTRAINT_FAILED) {
    throw new ConflictError("The school is already a member of this partnership.");
  }
  throw error;
}

function toTarget(row: Row | undefined): TargetPartnership | null {
  if (!row) return null;
  const id = requireString(row["id"], "Partnership.id");
  return {
    id,
    name: asString(row["name"]) ?? id,
    type: asString(row["type"]),
    status: asString(row["status"]),
    modelId: asString(row["modelId"]),
    memberUrns: asList(row["memberUrns"]).flatMap((urn) => asInt(urn) ?? []),
  };
}

export function toProposal(value: unknown): ProposalRecord {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "PartnershipProposal.id");
  return {
    id,
    status: asMember(PROPOSAL_STATUSES, p["status"]) ?? "OPEN",
    modelId: requireString(p["modelId"], "PartnershipProposal.modelId"),
    name: asString(p["name"]),
    proposerUrn: requireInt(p["proposerUrn"], "PartnershipProposal.proposerUrn"),
    partnershipId: requireString(p["partnershipId"], "PartnershipProposal.partnershipId"),
    partnershipExists: asBoolean(p["partnershipExists"]) ?? false,
    joinsExisting: asBoolean(p["joinsExisting"]) ?? false,
    createdAt: asString(p["createdAt"]) ?? "",
    invitations: asList(p["invitations"]).map((value) => {
      const invitation = asProperties(value) ?? {};
      return {
        urn: requireInt(invitation["urn"], "invitation urn"),
        status: asMember(INVITATION_STATUSES, invitation["status"]) ?? "PENDING",
        respondedAt: asString(invitation["respondedAt"]),
        schoolOpen: asBoolean(invitation["schoolOpen"]) ?? true,
      };
    }),
    regionCodes: asList(p["regionCodes"]).flatMap((code) => asString(code) ?? []),
  };
}
