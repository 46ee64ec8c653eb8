import type { Operation } from "../../auth/policy.js";
import { Arg, Ctx, Int, Mutation, Resolver, Authorized } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { FamilyRunRecord } from "./family.model.js";
import { FamilyRun } from "./similarity.types.js";
import { SEED_RANGE, TARGET_SIZE_RANGE } from "./family-recompute.service.js";

@Resolver(() => FamilyRun)
export class FamilyRecomputeResolver {
  @Mutation(() => FamilyRun, {
    description:
      "Recomputes the families of similar schools in-process and makes the new run current (admins only; CONFLICT while one is running). Takes as long as `npm run families`.",
  })
  @Authorized<Operation>("recomputeFamilies")
  recomputeFamilies(
    @Arg("targetSize", () => Int, {
      nullable: true,
      description: `Schools per family aimed for, ${TARGET_SIZE_RANGE.min} to ${TARGET_SIZE_RANGE.max} (default 50).`,
    })
    targetSize: number | null,
    @Arg("seed", () => Int, {
      nullable: true,
      description: `k-means++ and silhouette seed, ${SEED_RANGE.min} to ${SEED_RANGE.max} (default 1).`,
    })
    seed: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FamilyRunRecord> {
    return ctx.services.families.recompute(targetSize ?? null, seed ?? null);
  }
}
