import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { SchoolSearchHitRecord } from "./search.model.js";
import { SchoolSearchHit, SearchSchoolsArgs } from "./search.types.js";

@Resolver(() => SchoolSearchHit)
export class SearchResolver {
  @Query(() => [SchoolSearchHit], {
    description:
      "Open schools by what people call them, best match first. See docs/search.md for how text is matched and ranked.",
  })
  searchSchools(
    @Args(() => SearchSchoolsArgs)
    { text, first }: SearchSchoolsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolSearchHitRecord[]> {
    return ctx.services.search.searchSchools(text, first ?? null);
  }
}
