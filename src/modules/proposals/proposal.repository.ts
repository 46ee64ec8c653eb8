import { randomUUID } from "node:crypto";
import { Neo4jError } from "neo4j-driver";
import type { WriteOrigin } from "../audit/audit.model.js";
import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows } from "../../db/rows.js";
import { ConflictError, NotFoundError } from "../../errors/index.js";
import { recordAudit, type TransactionRun } from "../audit/audit.writer.js";
import type { SchoolStanding } from "../collaboration/collaboration.model.js";
import {
  CollaborationModelRow,
  SchoolStandingRow,
} from "../collaboration/collaboration.repository.js";
import { Catalogue } from "../collaboration/collaboration.rules.js";
import { cypherInt } from "../common/params.js";
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
const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

const InvitationNode = node(
  z
    .object({
      urn: key.int,
      status: cell.member(INVITATION_STATUSES),
      respondedAt: cell.string,
      schoolOpen: cell.boolean,
    })
    .transform((invitation) => ({
      ...invitation,
      status: invitation.status ?? "PENDING",
      schoolOpen: invitation.schoolOpen ?? true,
    })),
);

/** A PartnershipProposal node's properties, with its invitations and regions. */
const ProposalNode = node(
  z
    .object({
      id: key.string,
      status: cell.member(PROPOSAL_STATUSES),
      modelId: key.string,
      name: cell.string,
      proposerUrn: key.int,
      partnershipId: key.string,
      partnershipExists: cell.boolean,
      joinsExisting: cell.boolean,
      createdAt: cell.string,
      invitations: listOf(InvitationNode),
      regionCodes: cell.list(cell.string),
    })
    .transform((proposal): ProposalRecord => ({
      ...proposal,
      status: proposal.status ?? "OPEN",
      partnershipExists: proposal.partnershipExists ?? false,
      joinsExisting: proposal.joinsExisting ?? false,
      createdAt: proposal.createdAt ?? "",
    })),
);

const ProposalRow = z.object({ proposal: ProposalNode });
const IdRow = z.object({ id: key.string });

const TargetRow = z
  .object({
    id: key.string,
    name: cell.string,
    type: cell.string,
    status: cell.string,
    modelId: cell.string,
    memberUrns: cell.list(cell.int),
  })
  .transform((target): TargetPartnership => ({ ...target, name: target.name ?? target.id }));

const MembershipCreatedRow = z.object({ created: cell.boolean });

const LeavingRow = z.object({
  partnership: node(
    z.object({ name: cell.string, type: cell.string, status: cell.string, modelId: cell.string }),
  ),
  membership: cell.map(
    z.object({
      regionCode: cell.string,
      joinedOn: cell.date,
      noticeGivenOn: cell.date,
      leavingOn: cell.date,
    }),
  ),
});

const RemovedMembershipRow = z.object({ status: cell.string });

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
    return new Map(
      parseRows(ProposalRow, rows, "proposals/findProposalsByIds").map(({ proposal }) => [
        proposal.id,
        proposal,
      ]),
    );
  }

  // listProposalsBySchool
  async idsForSchool(urn: number, status: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.read("proposals/listProposalsBySchool", {
      urn,
      status,
      limit: cypherInt(limit),
    });
    return parseRows(IdRow, rows, "proposals/listProposalsBySchool").map((row) => row.id);
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
          : (parseRows(
              TargetRow,
              await run("proposals/findProposalTarget", {
                partnershipId: request.partnershipId,
                urns,
              }),
              "proposals/findProposalTarget",
            )[0] ?? null);
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
          const [added] = parseRows(MembershipCreatedRow, rows, "proposals/addMembership");
          if (added?.created === true) joined.push(member);
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
      const { partnership, membership } = parseRow(
        LeavingRow,
        row,
        "proposals/findMembershipForLeaving",
      );
      const partnershipName = partnership.name ?? partnershipId;
      if (membership === null) {
        throw new NotFoundError(
          `School ${urn} is not a member of ${partnershipName}.`,
          "partnershipId",
        );
      }
      const state: MembershipState = {
        urn,
        regionCode: membership.regionCode,
        partnershipId,
        partnershipName,
        partnershipType: partnership.type,
        partnershipStatus: partnership.status,
        modelId: partnership.modelId,
        joinedOn: membership.joinedOn,
        noticeGivenOn: membership.noticeGivenOn,
        leavingOn: membership.leavingOn,
      };
      const decision = plan(state, await catalogueIn(run));

      let partnershipStatus = state.partnershipStatus;
      if (decision.outcome === "LEFT") {
        const removed = await run("proposals/removeMembership", { partnershipId, urn });
        partnershipStatus =
          parseRows(RemovedMembershipRow, removed, "proposals/removeMembership")[0]?.status ?? null;
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
    parseRows(SchoolStandingRow, rows, "collaboration/findSchoolStandings").map((standing) => [
      standing.urn,
      standing,
    ]),
  );
}

async function catalogueIn(run: TransactionRun): Promise<Catalogue> {
  const rows = await run("collaboration/findCollaborationModels");
  return new Catalogue(
    parseRows(CollaborationModelRow, rows, "collaboration/findCollaborationModels").map(
      (row) => row.model,
    ),
  );
}

async function proposalIn(run: TransactionRun, id: string): Promise<ProposalRecord> {
  const [row] = await run("proposals/findProposalsByIds", { ids: [id] });
  return parseRow(ProposalRow, row ?? {}, "proposals/findProposalsByIds").proposal;
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
