import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { PartnershipImpactRecord, PartnershipTypeImpactRecord } from "./evaluation.model.js";
import { PartnershipImpact, PartnershipTypeImpact } from "./evaluation.types.js";

@Resolver()
export class EvaluationResolver {
  @Query(() => PartnershipImpact, {
    description:
      "Do this partnership's schools do better than similar schools? Each member against its family's schools outside the partnership, year by year and before/after joining. NOT_FOUND for an unknown id.",
  })
  partnershipImpact(
    @Arg("partnershipId", () => ID) partnershipId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipImpactRecord> {
    return ctx.services.evaluation.partnershipImpact(partnershipId);
  }

  @Query(() => [PartnershipTypeImpact], {
    description:
      "For each partnership type with members in the area, its members against their family's schools in no partnership of that type.",
  })
  impactByPartnershipType(
    @Arg("regionCode", () => String, {
      nullable: true,
      description:
        "E12000001..E12000009; all of England when absent. NOT_FOUND for an unknown region.",
    })
    regionCode: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipTypeImpactRecord[]> {
    return ctx.services.evaluation.impactByPartnershipType(regionCode ?? null);
  }
}
