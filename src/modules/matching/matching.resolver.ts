import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { Partnership } from "../partnerships/partnership.types.js";
import type { SystemLeaderRecord } from "../support/system-leader.model.js";
import { SystemLeader } from "../support/system-leader.types.js";
import type { PartnerSuggestion as PartnerSuggestionRecord } from "./matching.service.js";
import { PartnerSearchInput, PartnerSuggestion } from "./matching.types.js";

@Resolver(() => PartnerSuggestion)
export class MatchingResolver {
  @Query(() => [PartnerSuggestion], {
    description:
      "Schools that could help this one improve on an outcome, best first (ties to the nearer, then the lower URN), each with the factors of its score. Schools sharing a partnership with it are left out. Empty for an unknown URN or a school without a location.",
  })
  partnerSuggestions(
    @Arg("urn", () => Int) urn: number,
    @Arg("input", () => PartnerSearchInput, { nullable: true }) input: PartnerSearchInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerSuggestionRecord[]> {
    return ctx.services.matching.suggestions(urn, input);
  }

  @FieldResolver(() => School)
  school(
    @Root() suggestion: PartnerSuggestionRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(suggestion.urn);
  }

  @FieldResolver(() => Partnership, {
    nullable: true,
    description:
      "How to reach the partner: the trust it belongs to (multi- or single-academy trust, or trust); null when none.",
  })
  async trust(
    @Root() suggestion: PartnerSuggestionRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    const contact = await suggestion.contact();
    return contact?.trustId ? ctx.services.partnerships.byId(contact.trustId) : null;
  }

  @FieldResolver(() => SystemLeader, {
    nullable: true,
    description:
      "How to reach the partner: the Teaching School Hub it leads, else the one whose lead school is nearest in its region.",
  })
  async teachingSchoolHub(
    @Root() suggestion: PartnerSuggestionRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    const contact = await suggestion.contact();
    return contact?.hubId ? ctx.services.systemLeaders.byId(contact.hubId) : null;
  }
}
