/**
 * The collaboration models catalogue as the graph holds it, each school's roadmap through it,
 * and what schools say they offer and seek.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLABORATION_MODELS } from "../../seed/collaboration/models.js";
import { print } from "graphql";
import {
  CollaborationCatalogueDocument,
  CollaborationModelsByIdDocument,
  CollaborationRoadmapDocument,
  CollaborationSchoolOffersDocument,
  CollaborationUpdateOfferDocument,
  type CollaborationRoadmapQuery,
} from "../__generated__/graphql.js";
import { dataOf, testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi();
const SUBJECT = testSubject("collaboration");
let offerUrn = 0;

beforeAll(async () => {
  const area = await TestArea.create(api().db, SUBJECT, 942);
  [offerUrn] = (await area.schools({ governance: "MAINTAINED", count: 1 })) as [number];
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
});

type Roadmap = NonNullable<CollaborationRoadmapQuery["collaborationOptions"]>;

async function roadmap(urn: number): Promise<Roadmap | null> {
  const data = dataOf(await api().execute(CollaborationRoadmapDocument, { urn }));
  return data.collaborationOptions;
}

describe("collaborationModels", () => {
  it("when the catalogue is read, then every model from seed/collaboration is there, in order, with its rules", async () => {
    const data = dataOf(await api().execute(CollaborationCatalogueDocument));

    expect(data.collaborationModels.map((model) => model["id"])).toEqual(
      COLLABORATION_MODELS.map((model) => model.id),
    );
    expect(
      data.collaborationModels.find((model) => model["id"] === "hard-federation"),
    ).toMatchObject({
      partnershipType: "FEDERATION",
      formation: "STATUTORY",
      leavingRule: "STATUTORY_PROCESS",
      joining: {
        maintained: { eligibility: "ELIGIBLE" },
        academy: { eligibility: "NOT_ELIGIBLE" },
        independent: { eligibility: "NOT_ELIGIBLE" },
      },
    });
    expect(data.collaborationModels.find((model) => model["id"] === "cluster")).toMatchObject({
      leavingRule: "NOTICE",
      noticeDays: 90,
    });
  });

  it("when one model is asked for by id, then it comes back; an unknown or malformed id gives null", async () => {
    const data = dataOf(
      await api().execute(CollaborationModelsByIdDocument, {
        mat: "multi-academy-trust",
        none: "guild",
        bad: "DROP ALL",
      }),
    );
    expect(data).toEqual({ mat: { name: "Multi-academy trust" }, none: null, bad: null });
  });
});

describe("collaborationOptions", () => {
  it("when a maintained school with no memberships asks, then federation is open and a multi-academy trust is open after conversion", async () => {
    const result = await roadmap(100000);

    expect(result?.category).toBe("MAINTAINED");
    const options = new Map(result?.options.map((option) => [option.model.id, option]));
    expect(options.get("hard-federation")?.eligibility).toBe("ELIGIBLE");
    expect(options.get("multi-academy-trust")?.eligibility).toBe("AFTER_CONVERSION");
    expect(options.get("multi-academy-trust")?.steps.join(" ")).toMatch(/academy order/);
    expect(result?.unavailable.map((entry) => entry.model.id)).toEqual([]);
  });

  it("when an academy in a multi-academy trust asks, then another trust is unavailable and the reason names its trust", async () => {
    const result = await roadmap(131747);

    expect(result?.category).toBe("ACADEMY");
    const mat = result?.unavailable.find((entry) => entry.model.id === "multi-academy-trust");
    expect(mat?.reason).toMatch(/HARRIS FEDERATION/);
    expect(result?.unavailable.map((entry) => entry.model.id)).toContain("hard-federation");
    expect(result?.options.map((option) => option.model.id)).toContain("cluster");
  });

  it("when the URN names no open school, then the roadmap is null", async () => {
    expect(await roadmap(1)).toBeNull();
  });
});

describe("school offers", () => {
  it("when a school sets what it offers and seeks, then signed-in readers see it in catalogue order and the audit has before and after", async () => {
    const token = await testToken({ role: "SCHOOL", sub: `${SUBJECT}-${offerUrn}`, urn: offerUrn });

    const result = dataOf(
      await api().execute(
        CollaborationUpdateOfferDocument,
        { urn: offerUrn, offers: ["SAFEGUARDING", "EARLY_YEARS"], seeks: ["MATHEMATICS"] },
        { token },
      ),
    );

    expect(result.updateSchoolOffer).toMatchObject({
      offers: ["EARLY_YEARS", "SAFEGUARDING"],
      seeks: ["MATHEMATICS"],
      offerUpdatedAt: expect.anything(),
    });
    const [stored] = await query<{ offers: string[] }>(
      api().db,
      "MATCH (s:School {urn: $urn}) RETURN s.offers AS offers",
      { urn: offerUrn },
    );
    expect(stored?.offers).toEqual(["EARLY_YEARS", "SAFEGUARDING"]);
    const [event] = await query<{ before: string; after: string }>(
      api().db,
      "MATCH (e:AuditEvent {action: 'updateSchoolOffer', targetId: $id}) WHERE e.actorSub STARTS WITH $prefix RETURN e.before AS before, e.after AS after",
      { id: String(offerUrn), prefix: SUBJECT },
    );
    expect(JSON.parse(event?.before ?? "null")).toEqual({ offers: [], seeks: [] });
    expect(JSON.parse(event?.after ?? "null")).toEqual({
      offers: ["EARLY_YEARS", "SAFEGUARDING"],
      seeks: ["MATHEMATICS"],
    });
  });

  it("when an anonymous client reads a school, then offers are withheld with UNAUTHENTICATED but the rest of the school reads", async () => {
    const result = await api().execute(CollaborationSchoolOffersDocument, { urn: offerUrn });
    expect(result.data).toEqual({ school: { name: expect.any(String), offers: null } });
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
  });

  it("when an area is listed twice or is not in the vocabulary, then the request is refused and nothing is stored", async () => {
    const token = await testToken({ role: "ADMIN", sub: `${SUBJECT}-admin` });
    const twice = await api().execute(
      CollaborationUpdateOfferDocument,
      { urn: offerUrn, offers: ["SEND", "SEND"], seeks: [] },
      { token },
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "offers",
    });
    // Not in the vocabulary: sent as text, as the schema's types would not let it be written.
    const unknown = await api().executeText(
      print(CollaborationUpdateOfferDocument),
      { urn: offerUrn, offers: ["JUGGLING"], seeks: [] },
      { token },
    );
    expect(unknown.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    const [stored] = await query<{ offers: string[] }>(
      api().db,
      "MATCH (s:School {urn: $urn}) RETURN s.offers AS offers",
      { urn: offerUrn },
    );
    expect(stored?.offers).toEqual(["EARLY_YEARS", "SAFEGUARDING"]);
  });
});
