import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError } from "../errors/index.js";
import {
  OPERATIONS,
  POLICY_ROLES,
  authorize,
  authorizeRole,
  decide,
  type Operation,
  type PolicyRole,
  type Resource,
} from "./policy.js";
import { ANONYMOUS, type Principal } from "./principal.js";

/**
 * The expected rules, written out independently of POLICY so the table cannot agree with
 * itself by construction. "yes": always allowed; "no": always denied; "own": allowed only on
 * the principal's own resource (its school, its engagements, its regions).
 */
const EXPECTED = `
operation                 ANONYMOUS SCHOOL SYSTEM_LEADER OVERSIGHT ADMIN
readCollaborationModels   yes       yes    yes           yes       yes
readCollaborationOptions  yes       yes    yes           yes       yes
readSchoolOffer           no        yes    yes           yes       yes
updateSchoolOffer         no        own    no            no        yes
readProposal              no        own    no            own       yes
proposePartnership        no        own    no            no        yes
respondToProposal         no        own    no            no        yes
leavePartnership          no        own    no            no        yes
readAuditEvents           no        no     no            own       yes
readSupportEngagement     no        own    own           own       yes
recordSupportEngagement   no        no     own           no        yes
closeSupportEngagement    no        no     own           no        yes
designateSystemLeader     no        no     no            no        yes
revokeSystemLeader        no        no     no            no        yes
recomputeFamilies         no        no     no            no        yes
registerAdviser           no        no     no            own       yes
assignAdviser             no        no     no            own       yes
unassignAdviser           no        no     no            own       yes
recordGrant               no        no     no            own       yes
adoptClusters             no        no     no            own       yes
`;

type Expectation = "yes" | "no" | "own";

const rows = EXPECTED.trim()
  .split("\n")
  .slice(1)
  .map((line) => line.trim().split(/\s+/));
const expectations = new Map(
  rows.map(([operation, ...cells]) => [
    operation as Operation,
    Object.fromEntries(POLICY_ROLES.map((role, i) => [role, cells[i] as Expectation])) as Record<
      PolicyRole,
      Expectation
    >,
  ]),
);

const principals: Record<PolicyRole, Principal> = {
  ANONYMOUS,
  SCHOOL: { role: "SCHOOL", sub: "s", urn: 100000 },
  SYSTEM_LEADER: { role: "SYSTEM_LEADER", sub: "l", systemLeaderId: "leader-1" },
  OVERSIGHT: { role: "OVERSIGHT", sub: "o", regionCodes: ["E12000007"] },
  ADMIN: { role: "ADMIN", sub: "a" },
};

/** A resource that is the principal's own in every sense, and one that is nobody's. */
const OWN: Resource = { urns: [100000], regionCodes: ["E12000007"], systemLeaderId: "leader-1" };
const OTHER: Resource = { urns: [200000], regionCodes: ["E12000001"], systemLeaderId: "leader-2" };

const cases = OPERATIONS.flatMap((operation) =>
  POLICY_ROLES.flatMap((role) =>
    (["own", "other"] as const).map((whose) => {
      const expectation = expectations.get(operation)?.[role];
      const allowed = expectation === "yes" || (expectation === "own" && whose === "own");
      return { operation, role, whose, allowed };
    }),
  ),
);

describe("the policy table", () => {
  it("when the expected table is read, then it covers every operation and no other", () => {
    expect([...expectations.keys()].sort()).toEqual([...OPERATIONS].sort());
  });

  it.each(cases)(
    "when $role asks to $operation on $whose resource, then allowed is $allowed",
    ({ operation, role, whose, allowed }) => {
      const decision = decide(principals[role], operation, whose === "own" ? OWN : OTHER);
      expect(decision.allowed).toBe(allowed);
      if (!decision.allowed) {
        expect(decision.code).toBe(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
      }
    },
  );
});

describe("authorize", () => {
  it("when anonymous asks for something that needs a sign-in, then it throws UNAUTHENTICATED", () => {
    expect(() => authorize(ANONYMOUS, "proposePartnership", OWN)).toThrow(UnauthenticatedError);
  });

  it("when a school acts for another school, then it throws FORBIDDEN saying why", () => {
    expect(() => authorize(principals.SCHOOL, "updateSchoolOffer", OTHER)).toThrow(
      new ForbiddenError("A school may updateSchoolOffer only for its own URN."),
    );
  });

  it("when oversight reads a resource that spans its region and another, then it is allowed", () => {
    const spanning: Resource = { urns: [1, 2], regionCodes: ["E12000001", "E12000007"] };
    expect(decide(principals.OVERSIGHT, "readProposal", spanning).allowed).toBe(true);
  });

  it("when a resource has no region or no leader, then the own-rules deny rather than match on nothing", () => {
    expect(decide(principals.OVERSIGHT, "readAuditEvents", {}).allowed).toBe(false);
    expect(decide(principals.OVERSIGHT, "readProposal", { regionCodes: [null] }).allowed).toBe(
      false,
    );
    expect(decide(principals.SYSTEM_LEADER, "recordSupportEngagement", {}).allowed).toBe(false);
    expect(decide(principals.SCHOOL, "leavePartnership", {}).allowed).toBe(false);
    expect(decide(principals.OVERSIGHT, "recordGrant", { regionCodes: [] }).allowed).toBe(false);
  });

  it("when a write lands in an overseen region and another, then oversight may not make it, though it may read", () => {
    const both: Resource = { regionCodes: ["E12000007", "E12000001"] };
    for (const write of ["recordGrant", "assignAdviser", "adoptClusters"] as const) {
      expect(decide(principals.OVERSIGHT, write, both).allowed).toBe(false);
    }
    expect(decide(principals.OVERSIGHT, "readAuditEvents", both).allowed).toBe(true);
    const twoRegions: Principal = {
      role: "OVERSIGHT",
      sub: "o2",
      regionCodes: ["E12000007", "E12000001"],
    };
    expect(decide(twoRegions, "recordGrant", both).allowed).toBe(true);
  });
});

describe("authorizeRole, checked before a mutation's input", () => {
  const roleCases = OPERATIONS.flatMap((operation) =>
    POLICY_ROLES.map((role) => ({ operation, role, rule: expectations.get(operation)?.[role] })),
  );

  it.each(roleCases)(
    "when $role attempts $operation (table: $rule), then only a role the table never admits is refused",
    ({ operation, role, rule }) => {
      const attempt = () => authorizeRole(principals[role], operation);
      if (rule !== "no") expect(attempt).not.toThrow();
      else if (role === "ANONYMOUS") expect(attempt).toThrow(UnauthenticatedError);
      else expect(attempt).toThrow(ForbiddenError);
    },
  );
});
