/**
 * Who may do what: the one table every resolver's service consults. Reads of the open data
 * (schools, areas, partnerships, datasets) need no entry; everything else does.
 *
 * A rule is checked against the resource an operation touches:
 * - `ownSchool`: the principal's URN is among the resource's schools (a school acts only for
 *   itself, and reads only what it is party to);
 * - `ownLeader`: the resource belongs to the principal's system leader;
 * - `inRegion`: one of the resource's regions is one the principal oversees;
 * - `inAllRegions`: the resource has regions and the principal oversees every one of them (for
 *   writes whose effect lands in each region named, such as a trust's grant or an adviser's
 *   schools).
 */
import { ForbiddenError, UnauthenticatedError } from "../errors/index.js";
import type { Principal } from "./principal.js";

export const OPERATIONS = [
  "readCollaborationModels",
  "readCollaborationOptions",
  "readSchoolOffer",
  "updateSchoolOffer",
  "readProposal",
  "proposePartnership",
  "respondToProposal",
  "leavePartnership",
  "readAuditEvents",
  "readSupportEngagement",
  "recordSupportEngagement",
  "closeSupportEngagement",
  "designateSystemLeader",
  "revokeSystemLeader",
  "recomputeFamilies",
  "registerAdviser",
  "assignAdviser",
  "unassignAdviser",
  "recordGrant",
  "adoptClusters",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const POLICY_ROLES = ["ANONYMOUS", "SCHOOL", "SYSTEM_LEADER", "OVERSIGHT", "ADMIN"] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

export type Rule = "allow" | "deny" | "ownSchool" | "ownLeader" | "inRegion" | "inAllRegions";

/** What an operation touches, as far as authorisation is concerned. */
export interface Resource {
  /** Schools the operation acts for, or the parties to what it reads. */
  urns?: readonly number[];
  /** Regions of those schools, for oversight. */
  regionCodes?: readonly (string | null)[];
  /** The system leader a support engagement belongs to. */
  systemLeaderId?: string | null;
}

type Row = Readonly<Record<PolicyRole, Rule>>;

const everyone: Row = {
  ANONYMOUS: "allow",
  SCHOOL: "allow",
  SYSTEM_LEADER: "allow",
  OVERSIGHT: "allow",
  ADMIN: "allow",
};
const adminOnly: Row = {
  ANONYMOUS: "deny",
  SCHOOL: "deny",
  SYSTEM_LEADER: "deny",
  OVERSIGHT: "deny",
  ADMIN: "allow",
};
const schoolActs: Row = { ...adminOnly, SCHOOL: "ownSchool" };
const leaderActs: Row = { ...adminOnly, SYSTEM_LEADER: "ownLeader" };

/**
 * The rules, one row per operation. Oversight only reads; admins do everything; writes for a
 * school are made by that school (or an admin acting for it).
 */
export const POLICY: Readonly<Record<Operation, Row>> = {
  // Reference data and what follows from open data alone.
  readCollaborationModels: everyone,
  readCollaborationOptions: everyone,
  // What a school seeks can reveal a weakness, so offers are shown to signed-in users only.
  readSchoolOffer: { ...everyone, ANONYMOUS: "deny" },
  updateSchoolOffer: schoolActs,
  readProposal: { ...schoolActs, OVERSIGHT: "inRegion" },
  proposePartnership: schoolActs,
  respondToProposal: schoolActs,
  leavePartnership: schoolActs,
  readAuditEvents: { ...adminOnly, OVERSIGHT: "inRegion" },
  readSupportEngagement: {
    ...adminOnly,
    SCHOOL: "ownSchool",
    SYSTEM_LEADER: "ownLeader",
    OVERSIGHT: "inRegion",
  },
  recordSupportEngagement: leaderActs,
  closeSupportEngagement: leaderActs,
  designateSystemLeader: adminOnly,
  revokeSystemLeader: adminOnly,
  recomputeFamilies: adminOnly,
  // Advisers and grants are recorded by admins, or by oversight of the region concerned.
  registerAdviser: { ...adminOnly, OVERSIGHT: "inAllRegions" },
  assignAdviser: { ...adminOnly, OVERSIGHT: "inAllRegions" },
  unassignAdviser: { ...adminOnly, OVERSIGHT: "inAllRegions" },
  recordGrant: { ...adminOnly, OVERSIGHT: "inAllRegions" },
  // A council (or oversight of its region) sets up clusters and their improvement board.
  adoptClusters: { ...adminOnly, OVERSIGHT: "inAllRegions" },
};

export type Decision =
  { allowed: true } | { allowed: false; code: "UNAUTHENTICATED" | "FORBIDDEN"; reason: string };

const ALLOWED: Decision = { allowed: true };

function forbidden(reason: string): Decision {
  return { allowed: false, code: "FORBIDDEN", reason };
}

/** Whether `principal` may perform `operation` on `resource`; pure, so it is tested as a table. */
export function decide(
  principal: Principal,
  operation: Operation,
  resource: Resource = {},
): Decision {
  const rule = POLICY[operation][principal.role];
  if (rule === "allow") return ALLOWED;
  if (principal.role === "ANONYMOUS") {
    return { allowed: false, code: "UNAUTHENTICATED", reason: `Sign in to ${operation}.` };
  }
  switch (rule) {
    case "deny":
      return forbidden(`The ${principal.role} role may not ${operation}.`);
    case "ownSchool":
      return principal.role === "SCHOOL" && (resource.urns ?? []).includes(principal.urn)
        ? ALLOWED
        : forbidden(`A school may ${operation} only for its own URN.`);
    case "ownLeader":
      return principal.role === "SYSTEM_LEADER" &&
        resource.systemLeaderId != null &&
        resource.systemLeaderId === principal.systemLeaderId
        ? ALLOWED
        : forbidden(`A system leader may ${operation} only for their own engagements.`);
    case "inRegion":
      return principal.role === "OVERSIGHT" &&
        (resource.regionCodes ?? []).some(
          (code) => code !== null && principal.regionCodes.includes(code),
        )
        ? ALLOWED
        : forbidden(`Oversight may ${operation} only in its own regions.`);
    case "inAllRegions": {
      const regions = resource.regionCodes ?? [];
      return principal.role === "OVERSIGHT" &&
        regions.length > 0 &&
        regions.every((code) => code !== null && principal.regionCodes.includes(code))
        ? ALLOWED
        : forbidden(`Oversight may ${operation} only in its own regions.`);
    }
  }
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless `decide` allows the operation. */
export function authorize(
  principal: Principal,
  operation: Operation,
  resource: Resource = {},
): void {
  const decision = decide(principal, operation, resource);
  if (decision.allowed) return;
  throw decision.code === "UNAUTHENTICATED"
    ? new UnauthenticatedError(decision.reason)
    : new ForbiddenError(decision.reason);
}

/**
 * The part of `authorize` that needs no resource: UNAUTHENTICATED for an anonymous caller and
 * FORBIDDEN for a role whose row says `deny`, whatever the operation would touch. Mutations run
 * it before their arguments are validated (`@Authorized`, see authorized.ts), so a caller who may never make the
 * change is told that rather than what is wrong with the input; the service's `authorize` still
 * checks the resource once it is known.
 */
export function authorizeRole(principal: Principal, operation: Operation): void {
  const rule = POLICY[operation][principal.role];
  if (rule === "allow" || (principal.role !== "ANONYMOUS" && rule !== "deny")) return;
  authorize(principal, operation);
}
