import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
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
}
