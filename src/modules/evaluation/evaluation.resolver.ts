import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type {
  ComparisonBasis,
  PartnershipImpactRecord,
  PartnershipTypeImpactRecord,
} from "./evaluation.model.js";
import {
  ComparisonBasisEnum,
  PartnershipImpact,
  PartnershipTypeImpact,
} from "./evaluation.types.js";

const COMPARISON_ARG = {
  defaultValue: "FAMILY" as ComparisonBasis,
  description:
    "FAMILY (the default): each member's family. CONTEXT_NEIGHBOURS: its 20 nearest schools on context alone, for an answer families' matching on outcomes cannot bias.",
};

@Resolver()
export class EvaluationResolver {
  @Query(() => PartnershipImpact, {
    description:
      "Do this partnership's schools do better than similar schools? Each member against its comparison schools outside the partnership, year by year and before/after joining. NOT_FOUND for an unknown id.",
  })
  partnershipImpact(
    @Arg("partnershipId", () => ID) partnershipId: string,
    @Arg("comparison", () => ComparisonBasisEnum, COMPARISON_ARG) comparison: ComparisonBasis,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipImpactRecord> {
    return ctx.services.evaluation.partnershipImpact(partnershipId, comparison);
  }

  @Query(() => [PartnershipTypeImpact], {
    description:
      "For each partnership type with members in the area, its members against their comparison schools in no partnership of that type.",
  })
  impactByPartnershipType(
    @Arg("regionCode", () => String, {
      nullable: true,
      description:
        "E12000001..E12000009; all of England when absent. NOT_FOUND for an unknown region.",
    })
    regionCode: string | null,
    @Arg("comparison", () => ComparisonBasisEnum, COMPARISON_ARG) comparison: ComparisonBasis,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipTypeImpactRecord[]> {
    return ctx.services.evaluation.impactByPartnershipType(regionCode ?? null, comparison);
  }
}
