/**
 * Sign-in comes before input: a caller who may never make a change is told so (UNAUTHENTICATED
 * without a token, FORBIDDEN for a role the operation's policy row denies), whatever is wrong
 * with the input, and is not first walked through the argument rules.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { testToken, useApi } from "../helpers/api.js";

const api = useApi();

interface InvalidCall {
  /** The mutation with arguments its rules refuse (blank text, URN 0, malformed ids). */
  text: string;
  variables?: Record<string, unknown>;
  /** A signed-in role the policy denies this operation outright. */
  deniedRole: "SCHOOL" | "SYSTEM_LEADER";
}

const BAD_ID = "not an id!";

const INVALID_CALLS: Record<string, InvalidCall> = {
  adoptClusters: {
    text: `mutation ($input: AdoptClustersInput!) { adoptClusters(input: $input) { __typename } }`,
    variables: {
      input: {
        localAuthorityCode: -1,
        board: { name: " ", chair: { name: "" }, members: [] },
        clusters: [{ name: "", urns: [0] }],
      },
    },
    deniedRole: "SCHOOL",
  },
  assignAdviser: {
    text: `mutation ($input: AssignAdviserInput!) { assignAdviser(input: $input) { id } }`,
    variables: { input: { adviserId: BAD_ID, urns: [0, 0] } },
    deniedRole: "SCHOOL",
  },
  closeSupportEngagement: {
    text: `mutation ($input: CloseSupportEngagementInput!) { closeSupportEngagement(input: $input) { id } }`,
    variables: { input: { engagementId: BAD_ID, outcome: "" } },
    deniedRole: "SCHOOL",
  },
  designateSystemLeader: {
    text: `mutation ($input: DesignateSystemLeaderInput!) { designateSystemLeader(input: $input) { id } }`,
    variables: { input: { urn: 0, designation: "NLE", specialisms: [], capacity: -5 } },
    deniedRole: "SYSTEM_LEADER",
  },
  importRecords: {
    text: `mutation { importRecords(kind: ADVISERS, csv: "") { __typename } }`,
    deniedRole: "SCHOOL",
  },
  leavePartnership: {
    text: `mutation { leavePartnership(urn: 0, partnershipId: "${BAD_ID}") { __typename } }`,
    deniedRole: "SYSTEM_LEADER",
  },
  proposePartnership: {
    text: `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
    variables: { input: { proposerUrn: 0, inviteeUrns: [], model: "" } },
    deniedRole: "SYSTEM_LEADER",
  },
  recomputeFamilies: {
    text: `mutation { recomputeFamilies(targetSize: -1, seed: -1) { __typename } }`,
    deniedRole: "SCHOOL",
  },
  recordGrant: {
    text: `mutation ($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`,
    variables: {
      input: {
        fund: "COLLABORATION_RESEARCH",
        funder: "",
        purpose: "",
        amountPence: -1,
        awardedOn: "2025-01-01",
        startsOn: "2025-01-01",
        endsOn: "2024-01-01",
        recipientUrn: 0,
      },
    },
    deniedRole: "SCHOOL",
  },
  recordSupportEngagement: {
    text: `mutation ($input: RecordSupportEngagementInput!) { recordSupportEngagement(input: $input) { id } }`,
    variables: { input: { systemLeaderId: BAD_ID, urn: 0, focus: "" } },
    deniedRole: "SCHOOL",
  },
  registerAdviser: {
    text: `mutation ($input: RegisterAdviserInput!) { registerAdviser(input: $input) { id } }`,
    variables: { input: { kind: "SCHOOL_IMPROVEMENT_PARTNER", name: "", organisation: "" } },
    deniedRole: "SCHOOL",
  },
  respondToProposal: {
    text: `mutation { respondToProposal(proposalId: "${BAD_ID}", urn: 0, accept: true) { id } }`,
    deniedRole: "SYSTEM_LEADER",
  },
  revokeSystemLeader: {
    text: `mutation { revokeSystemLeader(id: "${BAD_ID}") { id } }`,
    deniedRole: "SCHOOL",
  },
  unassignAdviser: {
    text: `mutation ($input: UnassignAdviserInput!) { unassignAdviser(input: $input) { id } }`,
    variables: { input: { adviserId: BAD_ID, urn: 0 } },
    deniedRole: "SCHOOL",
  },
  updateSchoolOffer: {
    text: `mutation { updateSchoolOffer(urn: 0, offers: [ASSESSMENT, ASSESSMENT], seeks: []) { urn } }`,
    deniedRole: "SYSTEM_LEADER",
  },
};

function mutationNames(): string[] {
  const sdl = readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8");
  return Object.keys(buildSchema(sdl).getMutationType()?.getFields() ?? {}).sort();
}

async function tokenFor(role: InvalidCall["deniedRole"]): Promise<string> {
  return role === "SCHOOL"
    ? testToken({ role, sub: "auth-before-input-school", urn: 100000 })
    : testToken({ role, sub: "auth-before-input-leader", systemLeaderId: "leader-auth-order" });
}

describe("mutations called with invalid input by callers who may not make them", () => {
  it("when the schema gains a mutation, then it has an invalid call here", () => {
    expect(Object.keys(INVALID_CALLS).sort()).toEqual(mutationNames());
  });

  it.each(Object.entries(INVALID_CALLS))(
    "when %s is called anonymously with invalid input, then it answers UNAUTHENTICATED",
    async (_name, call) => {
      const result = await api().executeText(call.text, call.variables);

      expect(result.errors?.map((error) => error.extensions?.["code"])).toEqual([
        "UNAUTHENTICATED",
      ]);
    },
  );

  it.each(Object.entries(INVALID_CALLS))(
    "when %s is called with invalid input by a role its policy denies, then it answers FORBIDDEN",
    async (_name, call) => {
      const token = await tokenFor(call.deniedRole);
      const result = await api().executeText(call.text, call.variables, { token });

      expect(result.errors?.map((error) => error.extensions?.["code"])).toEqual(["FORBIDDEN"]);
    },
  );
});
