/**
 * Who is asking. Tokens carry one of four roles; a request without a token is anonymous and
 * reads the open data only.
 */
export const ROLES = ["SCHOOL", "SYSTEM_LEADER", "OVERSIGHT", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export interface AnonymousPrincipal {
  role: "ANONYMOUS";
}

export interface SchoolPrincipal {
  role: "SCHOOL";
  sub: string;
  /** The one school this principal acts for. */
  urn: number;
}

export interface SystemLeaderPrincipal {
  role: "SYSTEM_LEADER";
  sub: string;
  /** The SystemLeader whose engagements this principal records and closes. */
  systemLeaderId: string;
}

export interface OversightPrincipal {
  role: "OVERSIGHT";
  sub: string;
  /** ONS region codes (E12000001..9) this principal oversees. */
  regionCodes: string[];
}

export interface AdminPrincipal {
  role: "ADMIN";
  sub: string;
}

export type SignedInPrincipal =
  SchoolPrincipal | SystemLeaderPrincipal | OversightPrincipal | AdminPrincipal;
export type Principal = AnonymousPrincipal | SignedInPrincipal;

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ role: "ANONYMOUS" });

export function isSignedIn(principal: Principal): principal is SignedInPrincipal {
  return principal.role !== "ANONYMOUS";
}

/** Who did something, as audit events record it. */
export interface Actor {
  sub: string;
  role: Role;
}

export function actorOf(principal: SignedInPrincipal): Actor {
  return { sub: principal.sub, role: principal.role };
}
