/**
 * Proposals to form or join a partnership: a school invites others; each invited school
 * accepts or declines; the first acceptance forms a new partnership (the proposer and the
 * accepting school become members), later ones add members.
 */
export const PROPOSAL_STATUSES = ["OPEN", "ACCEPTED", "DECLINED"] as const;
/**
 * OPEN: no invited school has accepted yet and some have not answered. ACCEPTED: at least one
 * has accepted, so the partnership exists (others may still answer). DECLINED: every one declined.
 */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const INVITATION_STATUSES = ["PENDING", "ACCEPTED", "DECLINED"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Most schools invited by one proposal; larger groups are formed in several rounds. */
export const MAX_INVITEES = 20;

export interface InvitationRecord {
  urn: number;
  status: InvitationStatus;
  respondedAt: string | null;
  /** False once the invited school has closed: the invitation stays as history, unanswerable. */
  schoolOpen: boolean;
}

export interface ProposalRecord {
  id: string;
  status: ProposalStatus;
  modelId: string;
  /** The name a new partnership will take; null when joining an existing one. */
  name: string | null;
  proposerUrn: number;
  /** The partnership formed or joined; for a new one it exists once someone accepts. */
  partnershipId: string;
  partnershipExists: boolean;
  joinsExisting: boolean;
  createdAt: string;
  invitations: InvitationRecord[];
  /** Regions of the proposer and the invited schools, for oversight. */
  regionCodes: string[];
}

/** What a proposal asks for, once its input has passed validation. */
export interface ProposalRequest {
  proposerUrn: number;
  inviteeUrns: number[];
  modelId: string;
  name: string | null;
  partnershipId: string | null;
}

/** The partnership a proposal names to join, as the rules need to see it. */
export interface TargetPartnership {
  id: string;
  name: string;
  type: string | null;
  status: string | null;
  modelId: string | null;
  /** URNs among the proposer and invitees that are already members. */
  memberUrns: number[];
}

/** What answering an invitation changes. */
export interface ResponsePlan {
  invitationStatus: Exclude<InvitationStatus, "PENDING">;
  proposalStatus: ProposalStatus;
  /** Set when this acceptance forms the partnership. */
  formPartnership: { id: string; name: string; type: string; status: string } | null;
  /** Schools to make members, in order; existing memberships are left as they are. */
  newMemberUrns: number[];
}

export const LEAVE_OUTCOMES = ["LEFT", "NOTICE_GIVEN"] as const;
export type LeaveOutcome = (typeof LEAVE_OUTCOMES)[number];

/** A school's membership as leaving needs to see it. */
export interface MembershipState {
  urn: number;
  regionCode: string | null;
  partnershipId: string;
  partnershipName: string;
  partnershipType: string | null;
  partnershipStatus: string | null;
  modelId: string | null;
  joinedOn: string | null;
  noticeGivenOn: string | null;
  leavingOn: string | null;
}

export type LeavePlan =
  { outcome: "LEFT" } | { outcome: "NOTICE_GIVEN"; noticeGivenOn: string; leavingOn: string };

export interface LeaveResult {
  urn: number;
  partnershipId: string;
  outcome: LeaveOutcome;
  /** When the membership ends: today for LEFT, the end of the notice for NOTICE_GIVEN. */
  leavingOn: string;
}

/** Partnerships made in the service: an id that cannot collide with GIAS's gias-<uid>. */
export function partnershipIdFor(proposalId: string): string {
  return `svc-${proposalId}`;
}

/** The key a membership made in the service carries, unique by constraint. */
export function membershipKey(partnershipId: string, urn: number): string {
  return `${partnershipId}|${urn}`;
}

/** Partnerships of statutory models agreed in the service wait for that process in this status. */
export const FORMING = "Forming";
export const OPEN = "Open";
export const CLOSED = "Closed";
