import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { sourceResolver } from "../datasets/dataset.resolver.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { FamilyRecord } from "./family.model.js";
import type { BetterMember, OutcomeTrend as OutcomeTrendRecord } from "./outcome-trends.js";
import { FamilyMemberFigure, OutcomeTrend, OutcomeTrendYear } from "./outcome-trend.types.js";
import { Family } from "./similarity.types.js";

@Resolver(() => Family)
export class FamilyOutcomeTrendResolver {
  @FieldResolver(() => [OutcomeTrend], {
    description:
      "Each outcome published year by year that the family's phase sits (KS2 for primary and all-through families, KS4 for secondary and all-through, none for others) and some member has a figure for: the looked-up school's figures against the family's median each year, with who in the family does better in the latest year the school has a figure.",
  })
  outcomeTrends(
    @Root() family: FamilyRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OutcomeTrendRecord[]> {
    return ctx.services.similarity.outcomeTrends(family);
  }
}

@Resolver(() => FamilyMemberFigure)
export class FamilyMemberFigureResolver {
  @FieldResolver(() => School, { nullable: true, description: "Null if it has since closed." })
  school(@Root() member: BetterMember, @Ctx() ctx: GraphQLContext): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(member.urn);
  }
}

/** The trend field on Family, with `source: Dataset!` on each year and member figure. */
export const outcomeTrendResolvers = [
  FamilyOutcomeTrendResolver,
  FamilyMemberFigureResolver,
  sourceResolver(OutcomeTrendYear),
  sourceResolver(FamilyMemberFigure),
] as const;
