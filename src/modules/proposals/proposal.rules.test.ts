import { describe, expect, it } from "vitest";
import { COLLABORATION_MODELS } from "../../../seed/collaboration/models.js";
import type { SchoolStanding } from "../collaboration/collaboration.model.js";
import { Catalogue } from "../collaboration/collaboration.rules.js";
import type { MembershipState, ProposalRecord, ProposalRequest } from "./proposal.model.js";
import {
  addDays,
  checkProposal,
  decidingInvitations,
  planLeave,
  planResponse,
  proposalStatusOf,
} from "./proposal.rules.js";

const catalogue = new Catalogue(COLLABORATION_MODELS);

function standing(
  urn: number,
  governance = "MAINTAINED",
  extra: Partial<SchoolStanding> = {},
): SchoolStanding {
  return {
    urn,
    name: `School ${urn}`,
    governance,
    stateFunded: governance !== "INDEPENDENT",
    regionCode: "E12000007",
    memberships: [],
    ...extra,
  };
}

function schools(...list: SchoolStanding[]) {
  return new Map(list.map((s) => [s.urn, s]));
}

function request(extra: Partial<ProposalRequest> = {}): ProposalRequest {
  return {
    proposerUrn: 1,
    inviteeUrns: [2],
    modelId: "cluster",
    name: null,
    partnershipId: null,
    ...extra,
  };
}

function thrown(action: () => unknown): { code?: unknown; argument?: unknown; message: string } {
  try {
    action();
  } catch (error) {
    const e = error as { extensions: Record<string, unknown>; message: string };
    return { code: e.extensions["code"], argument: e.extensions["argument"], message: e.message };
  }
  throw new Error("expected an error");
}

describe("proposalStatusOf", () => {
  it.each([
    [["PENDING", "PENDING"], "OPEN"],
    [["DECLINED", "PENDING"], "OPEN"],
    [["DECLINED", "ACCEPTED"], "ACCEPTED"],
    [["DECLINED", "DECLINED"], "DECLINED"],
  ] as const)("when the answers are %j, then the proposal is %s", (statuses, status) => {
    expect(proposalStatusOf(statuses)).toBe(status);
  });
});

describe("checkProposal", () => {
  const context = { catalogue, schools: schools(standing(1), standing(2)), target: null };

  it("when two maintained schools propose a cluster, then it is accepted", () => {
    expect(checkProposal(request(), context).id).toBe("cluster");
  });

  it("when the model is unknown or single-school, then BAD_USER_INPUT names input.model", () => {
    expect(thrown(() => checkProposal(request({ modelId: "guild" }), context))).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "input.model",
    });
    expect(
      thrown(() => checkProposal(request({ modelId: "single-academy-trust" }), context)).argument,
    ).toBe("input.model");
  });

  it("when a designated model is proposed without a partnership, then partnershipId is required", () => {
    expect(
      thrown(() => checkProposal(request({ modelId: "teaching-school-hub" }), context)).argument,
    ).toBe("input.partnershipId");
  });

  it("when an invitee does not exist, then NOT_FOUND names input.inviteeUrns", () => {
    expect(thrown(() => checkProposal(request({ inviteeUrns: [2, 3] }), context))).toMatchObject({
      code: "NOT_FOUND",
      argument: "input.inviteeUrns",
    });
  });

  it("when joining a partnership that follows another model, then input.model is refused", () => {
    const target = {
      id: "gias-1",
      name: "A Federation",
      type: "FEDERATION",
      status: "OPEN",
      modelId: null,
      memberUrns: [1],
    };
    expect(
      thrown(() =>
        checkProposal(request({ modelId: "soft-federation", partnershipId: "gias-1" }), {
          ...context,
          target,
        }),
      ).argument,
    ).toBe("input.model");
    expect(
      checkProposal(request({ modelId: "hard-federation", partnershipId: "gias-1" }), {
        ...context,
        target,
      }).id,
    ).toBe("hard-federation");
  });

  it("when a maintained school is invited into an open multi-academy trust, then it must convert first", () => {
    const target = {
      id: "gias-9",
      name: "A Trust",
      type: "MULTI_ACADEMY_TRUST",
      status: "OPEN",
      modelId: null,
      memberUrns: [1],
    };
    const withAcademy = {
      catalogue,
      schools: schools(standing(1, "ACADEMY_CONVERTER"), standing(2)),
      target,
    };
    expect(
      thrown(() =>
        checkProposal(
          request({ modelId: "multi-academy-trust", partnershipId: "gias-9" }),
          withAcademy,
        ),
      ),
    ).toMatchObject({ code: "CONFLICT", argument: "input.inviteeUrns" });
  });
});

describe("decidingInvitations", () => {
  it("when a closed school answered before closing, then its answer still counts; when it never did, then it is left out", () => {
    const invitations = [
      { urn: 2, status: "PENDING" as const, respondedAt: null, schoolOpen: true },
      {
        urn: 3,
        status: "ACCEPTED" as const,
        respondedAt: "2025-01-02T00:00:00Z",
        schoolOpen: false,
      },
      { urn: 4, status: "PENDING" as const, respondedAt: null, schoolOpen: false },
    ];

    expect(decidingInvitations(invitations).map((invitation) => invitation.urn)).toEqual([2, 3]);
  });
});

describe("planResponse", () => {
  const proposal: ProposalRecord = {
    id: "p1",
    status: "OPEN",
    modelId: "hard-federation",
    name: null,
    proposerUrn: 1,
    partnershipId: "svc-p1",
    partnershipExists: false,
    joinsExisting: false,
    createdAt: "2025-01-01T00:00:00Z",
    invitations: [
      { urn: 2, status: "PENDING", respondedAt: null, schoolOpen: true },
      { urn: 3, status: "DECLINED", respondedAt: "2025-01-02T00:00:00Z", schoolOpen: true },
    ],
    regionCodes: ["E12000007"],
  };
  const context = { proposal, catalogue, schools: schools(standing(1), standing(2)) };

  it("when the first acceptance arrives, then it forms the partnership (Forming, for a statutory model) with both schools", () => {
    expect(planResponse(2, true, context)).toEqual({
      invitationStatus: "ACCEPTED",
      proposalStatus: "ACCEPTED",
      formPartnership: {
        id: "svc-p1",
        name: "School 1 Hard federation",
        type: "FEDERATION",
        status: "Forming",
      },
      newMemberUrns: [1, 2],
    });
  });

  it("when the last pending school declines, then the proposal is declined and nothing forms", () => {
    expect(planResponse(2, false, context)).toMatchObject({
      proposalStatus: "DECLINED",
      formPartnership: null,
      newMemberUrns: [],
    });
  });

  it("when a school not invited or already answered responds, then NOT_FOUND or CONFLICT", () => {
    expect(thrown(() => planResponse(9, true, context)).code).toBe("NOT_FOUND");
    expect(thrown(() => planResponse(3, true, context)).code).toBe("CONFLICT");
  });

  it("when an invited school has since closed, then its invitation cannot be answered", () => {
    const closed = {
      ...proposal,
      invitations: [
        ...proposal.invitations,
        { urn: 4, status: "PENDING" as const, respondedAt: null, schoolOpen: false },
      ],
    };

    const answer = thrown(() => planResponse(4, false, { ...context, proposal: closed }));

    expect(answer).toMatchObject({ code: "NOT_FOUND", argument: "urn" });
    expect(answer.message).toMatch(/has closed/);
  });

  it("when the last open school declines and a closed school's invitation is still pending, then the proposal is declined", () => {
    const closed = {
      ...proposal,
      invitations: [
        ...proposal.invitations,
        { urn: 4, status: "PENDING" as const, respondedAt: null, schoolOpen: false },
      ],
    };

    expect(planResponse(2, false, { ...context, proposal: closed }).proposalStatus).toBe(
      "DECLINED",
    );
  });

  it("when the school has since joined another statutory federation, then accepting is a CONFLICT", () => {
    const federated = standing(2, "MAINTAINED", {
      memberships: [
        {
          partnershipId: "gias-5",
          partnershipName: "Other Fed",
          partnershipType: "FEDERATION",
          partnershipStatus: "OPEN",
          modelId: null,
        },
      ],
    });
    expect(
      thrown(() => planResponse(2, true, { ...context, schools: schools(standing(1), federated) }))
        .code,
    ).toBe("CONFLICT");
  });
});

describe("planLeave", () => {
  const base: MembershipState = {
    urn: 2,
    regionCode: "E12000007",
    partnershipId: "svc-1",
    partnershipName: "A Cluster",
    partnershipType: "CLUSTER",
    partnershipStatus: "Open",
    modelId: "cluster",
    joinedOn: "2025-01-01",
    noticeGivenOn: null,
    leavingOn: null,
  };

  it("when notice has not been given, then leaving a cluster gives 90 days' notice", () => {
    expect(planLeave(base, catalogue, "2025-03-01")).toEqual({
      outcome: "NOTICE_GIVEN",
      noticeGivenOn: "2025-03-01",
      leavingOn: "2025-05-30",
    });
  });

  it("when the notice has run out, then the school leaves; before that it is a CONFLICT", () => {
    const given = { ...base, noticeGivenOn: "2025-03-01", leavingOn: "2025-05-30" };
    expect(planLeave(given, catalogue, "2025-05-30")).toEqual({ outcome: "LEFT" });
    expect(thrown(() => planLeave(given, catalogue, "2025-05-29")).message).toMatch(
      /until 2025-05-30/,
    );
  });

  it("when the partnership is a GIAS multi-academy trust, then leaving is a CONFLICT describing the process", () => {
    const trust = {
      ...base,
      partnershipType: "MULTI_ACADEMY_TRUST",
      modelId: null,
      partnershipStatus: "OPEN",
    };
    expect(thrown(() => planLeave(trust, catalogue, "2025-03-01")).message).toMatch(
      /regional director/,
    );
  });

  it("when a statutory partnership is still Forming, then members withdraw at will", () => {
    const forming = {
      ...base,
      partnershipType: "MULTI_ACADEMY_TRUST",
      modelId: "multi-academy-trust",
      partnershipStatus: "Forming",
    };
    expect(planLeave(forming, catalogue, "2025-03-01")).toEqual({ outcome: "LEFT" });
  });

  it("when days are added across a month or year end, then the calendar is followed", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});
