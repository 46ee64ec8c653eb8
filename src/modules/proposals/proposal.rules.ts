/**
 * The rules of proposing, answering and leaving, as pure functions over plain objects: the
 * repository runs them inside the write transaction, after it has locked what they read.
 */
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.js";
import type {
  CollaborationModelRecord,
  SchoolStanding,
} from "../collaboration/collaboration.model.js";
import {
  availability,
  categoryOf,
  isStateFunded,
  type Catalogue,
} from "../collaboration/collaboration.rules.js";
import {
  FORMING,
  OPEN,
  type InvitationRecord,
  type InvitationStatus,
  type LeavePlan,
  type MembershipState,
  type ProposalRecord,
  type ProposalRequest,
  type ProposalStatus,
  type ResponsePlan,
  type TargetPartnership,
} from "./proposal.model.js";

/**
 * The invitations whose answers decide a proposal's status: all but those still pending with a
 * school that has since closed, which can never be answered. A closed school's answer stands.
 */
export function decidingInvitations(invitations: readonly InvitationRecord[]): InvitationRecord[] {
  return invitations.filter(
    (invitation) => invitation.schoolOpen || invitation.status !== "PENDING",
  );
}

/** A proposal's status from its invitations' answers. */
export function proposalStatusOf(statuses: readonly InvitationStatus[]): ProposalStatus {
  if (statuses.includes("ACCEPTED")) return "ACCEPTED";
  if (statuses.length > 0 && statuses.every((status) => status === "DECLINED")) return "DECLINED";
  return "OPEN";
}

/** Throws CONFLICT unless `school` can take up `model`; the message says why not. */
function requireAvailable(
  school: SchoolStanding,
  model: CollaborationModelRecord,
  catalogue: Catalogue,
  argument: string,
): void {
  const verdict = availability(school, model, catalogue);
  if (!verdict.available) {
    throw new ConflictError(
      `${school.name} (${school.urn}) cannot take up ${model.name}: ${verdict.reason}`,
      {
        argument,
        urn: school.urn,
      },
    );
  }
}

export interface ProposalContext {
  catalogue: Catalogue;
  /** Standings of the proposer and the invitees that exist. */
  schools: ReadonlyMap<number, SchoolStanding>;
  /** The partnership named by `partnershipId`, when one was named and exists. */
  target: TargetPartnership | null;
}

/**
 * Checks a proposal against the graph. In order: the model exists and can be proposed; every
 * school exists; a partnership to join exists, follows that model and has the proposer as a
 * member; each school can take the model up (eligible, not in another partnership of an
 * exclusive group) and no invitee is a member already; a model that mixes sectors has both.
 * Returns the model; throws a typed error naming the argument at the first problem.
 */
export function checkProposal(
  request: ProposalRequest,
  context: ProposalContext,
): CollaborationModelRecord {
  const model = context.catalogue.get(request.modelId);
  if (model === null) {
    throw new ValidationError(
      `\`input.model\` names no collaboration model: use an id from collaborationModels (got "${request.modelId}").`,
      "input.model",
    );
  }
  if (model.formation === "SINGLE_SCHOOL") {
    throw new ValidationError(
      `\`input.model\`: a ${model.name} has one school, so it cannot be proposed to others.`,
      "input.model",
    );
  }
  if (model.formation === "DESIGNATION" && request.partnershipId === null) {
    throw new ValidationError(
      `\`input.partnershipId\` is required: a ${model.name} is designated by DfE, so schools can only invite others to join one.`,
      "input.partnershipId",
    );
  }

  const proposer = context.schools.get(request.proposerUrn);
  if (!proposer) {
    throw new NotFoundError(
      `\`input.proposerUrn\`: no open school has URN ${request.proposerUrn}.`,
      "input.proposerUrn",
    );
  }
  const missing = request.inviteeUrns.filter((urn) => !context.schools.has(urn));
  if (missing.length > 0) {
    throw new NotFoundError(
      `\`input.inviteeUrns\`: no open school has URN ${missing.join(", ")}.`,
      "input.inviteeUrns",
    );
  }

  if (request.partnershipId !== null) {
    const target = context.target;
    if (target === null) {
      throw new NotFoundError(
        `\`input.partnershipId\`: no partnership has id "${request.partnershipId}".`,
        "input.partnershipId",
      );
    }
    const targetModel = context.catalogue.modelOf({
      modelId: target.modelId,
      partnershipType: target.type,
    });
    if (targetModel?.id !== model.id) {
      throw new ValidationError(
        `\`input.model\` must be the model ${target.name} follows (${targetModel?.id ?? "none"}).`,
        "input.model",
      );
    }
    if (!target.memberUrns.includes(request.proposerUrn)) {
      throw new ConflictError(
        `${proposer.name} is not a member of ${target.name}, so it cannot invite others to join it.`,
        { argument: "input.partnershipId" },
      );
    }
    const members = request.inviteeUrns.filter((urn) => target.memberUrns.includes(urn));
    if (members.length > 0) {
      throw new ConflictError(`Already members of ${target.name}: ${members.join(", ")}.`, {
        argument: "input.inviteeUrns",
      });
    }
  } else {
    requireAvailable(proposer, model, context.catalogue, "input.proposerUrn");
  }

  for (const urn of request.inviteeUrns) {
    const invitee = context.schools.get(urn) as SchoolStanding;
    requireAvailable(invitee, model, context.catalogue, "input.inviteeUrns");
    // A partnership that has completed its process takes only schools that can join as they are;
    // converting first is a route into a partnership still Forming, not into an open one.
    const target = context.target;
    const category = categoryOf(invitee.governance, invitee.stateFunded);
    if (
      target !== null &&
      target.status !== FORMING &&
      category !== null &&
      model.joining[category].eligibility === "AFTER_CONVERSION"
    ) {
      throw new ConflictError(
        `${invitee.name} (${urn}) must become an academy before it can join ${target.name}.`,
        { argument: "input.inviteeUrns", urn },
      );
    }
  }

  if (model.mixesSectors) {
    const categories = [request.proposerUrn, ...request.inviteeUrns].map((urn) => {
      const school = context.schools.get(urn) as SchoolStanding;
      return categoryOf(school.governance, school.stateFunded);
    });
    const state = categories.some((category) => category !== null && isStateFunded(category));
    const independent = categories.includes("INDEPENDENT");
    if (!state || !independent) {
      throw new ValidationError(
        `\`input.inviteeUrns\`: an ${model.name} needs at least one independent and one state-funded school.`,
        "input.inviteeUrns",
      );
    }
  }
  return model;
}

export interface ResponseContext {
  proposal: ProposalRecord;
  catalogue: Catalogue;
  /** Standings of the responding school and the proposer. */
  schools: ReadonlyMap<number, SchoolStanding>;
}

/**
 * What answering changes. The school must be invited and not have answered. Declining only
 * records the answer. Accepting re-checks that the school (and, when this acceptance forms the
 * partnership, the proposer) can still take the model up, since memberships may have changed
 * since the proposal; then the first acceptance of a new partnership forms it, with the
 * proposer and the accepting school as members.
 */
export function planResponse(
  urn: number,
  accept: boolean,
  { proposal, catalogue, schools }: ResponseContext,
): ResponsePlan {
  const invitation = proposal.invitations.find((candidate) => candidate.urn === urn);
  if (!invitation) {
    throw new NotFoundError(`School ${urn} is not invited by proposal ${proposal.id}.`, "urn");
  }
  if (!invitation.schoolOpen) {
    throw new NotFoundError(
      `School ${urn} has closed, so its invitation to proposal ${proposal.id} can no longer be answered.`,
      "urn",
    );
  }
  if (invitation.status !== "PENDING") {
    throw new ConflictError(
      `School ${urn} has already ${invitation.status === "ACCEPTED" ? "accepted" : "declined"} this proposal.`,
      { argument: "urn", invitationStatus: invitation.status },
    );
  }
  const statuses = decidingInvitations(proposal.invitations).map((candidate) =>
    candidate.urn === urn ? (accept ? "ACCEPTED" : "DECLINED") : candidate.status,
  );
  const proposalStatus = proposalStatusOf(statuses);
  if (!accept) {
    return {
      invitationStatus: "DECLINED",
      proposalStatus,
      formPartnership: null,
      newMemberUrns: [],
    };
  }

  const model = catalogue.get(proposal.modelId);
  if (model === null) {
    throw new ConflictError(`The collaboration model ${proposal.modelId} is no longer offered.`);
  }
  const school = schools.get(urn);
  if (!school) throw new NotFoundError(`No open school has URN ${urn}.`, "urn");
  requireAvailable(school, model, catalogue, "urn");

  if (proposal.partnershipExists) {
    return {
      invitationStatus: "ACCEPTED",
      proposalStatus,
      formPartnership: null,
      newMemberUrns: [urn],
    };
  }
  const proposer = schools.get(proposal.proposerUrn);
  if (!proposer) {
    throw new ConflictError(`The proposing school ${proposal.proposerUrn} is no longer open.`);
  }
  requireAvailable(proposer, model, catalogue, "proposalId");
  return {
    invitationStatus: "ACCEPTED",
    proposalStatus,
    formPartnership: {
      id: proposal.partnershipId,
      name: proposal.name ?? `${proposer.name} ${model.name}`,
      type: model.partnershipType,
      status: model.formation === "STATUTORY" ? FORMING : OPEN,
    },
    newMemberUrns: [proposal.proposerUrn, urn],
  };
}

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * How a school leaves, by its partnership's model. A partnership still Forming has not been
 * through its statutory process, so members withdraw at will. Otherwise AT_WILL leaves today;
 * NOTICE records the notice and the school stays a member until it ends, after which leaving
 * again completes it; STATUTORY_PROCESS cannot be done here, and the error says how it is done.
 */
export function planLeave(
  membership: MembershipState,
  catalogue: Catalogue,
  today: string,
): LeavePlan {
  const model = catalogue.modelOf({
    modelId: membership.modelId,
    partnershipType: membership.partnershipType,
  });
  const rule = membership.partnershipStatus === FORMING ? "AT_WILL" : (model?.leavingRule ?? null);
  switch (rule) {
    case "AT_WILL":
      return { outcome: "LEFT" };
    case "NOTICE": {
      if (membership.leavingOn === null) {
        return {
          outcome: "NOTICE_GIVEN",
          noticeGivenOn: today,
          leavingOn: addDays(today, model?.noticeDays ?? 0),
        };
      }
      if (membership.leavingOn <= today) return { outcome: "LEFT" };
      throw new ConflictError(
        `Notice was given on ${membership.noticeGivenOn ?? "an earlier date"}; the school stays a member of ${membership.partnershipName} until ${membership.leavingOn}.`,
        { leavingOn: membership.leavingOn },
      );
    }
    case "STATUTORY_PROCESS":
    case null:
      throw new ConflictError(
        `A school cannot leave ${membership.partnershipName} here: ${
          model
            ? `${model.name}: ${model.leavingProcedure}`
            : "its kind of partnership has no leaving rule."
        }`,
        { leavingRule: "STATUTORY_PROCESS", modelId: model?.id ?? null },
      );
  }
}
