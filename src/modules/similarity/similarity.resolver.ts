import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { SimilarSchool as SimilarSchoolRecord } from "./feature-index.js";
import type { OutcomeFeature, PresetName } from "./features.js";
import type { FamilyMemberRecord, FamilyRecord, FamilyRunRecord } from "./family.model.js";
import { outcomeTrendResolvers } from "./outcome-trend.resolver.js";
import type { BetterSchool as BetterSchoolRecord, MemberOutcome } from "./similarity.service.js";
import {
  BetterSchool,
  Family,
  FamilyMember,
  FamilyMemberConnection,
  FamilyRun,
  FeatureWeightInput,
  OutcomeComparison,
  OutcomeFeatureEnum,
  SimilarSchool,
  SimilarityPresetEnum,
} from "./similarity.types.js";

@Resolver()
export class SimilarityResolver {
  @Query(() => [SimilarSchool], {
    description:
      "The schools of the same phase nearest to this one by weighted distance, nearest first (ties to the lower URN), each with the share of the distance every feature explains. Weights: `weights`, else `preset`, else CONTEXT. Empty for an unknown URN.",
  })
  similarSchools(
    @Arg("urn", () => Int) urn: number,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1 to 100." })
    first: number | null,
    @Arg("preset", () => SimilarityPresetEnum, {
      nullable: true,
      description: "A named weighting; not with `weights`.",
    })
    preset: PresetName | null,
    @Arg("weights", () => [FeatureWeightInput], {
      nullable: true,
      description:
        "Custom weights, each feature at most once; features not measured for the school's phase are ignored, so at least one that is must weigh above 0.",
    })
    weights: FeatureWeightInput[] | null,
    @Arg("sameRegion", () => Boolean, {
      nullable: true,
      description: "Only schools in the same region.",
    })
    sameRegion: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SimilarSchoolRecord[]> {
    return ctx.services.similarity.similarSchools(urn, { first, preset, weights, sameRegion });
  }

  @Query(() => Family, {
    nullable: true,
    description:
      "The family of similar schools this school is in, for one run (the current run by default). Null for an unknown URN or version, or a school the run did not cluster.",
  })
  family(
    @Arg("urn", () => Int) urn: number,
    @Arg("version", () => Int, { nullable: true, description: "A run's version; see familyRuns." })
    version: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FamilyRecord | null> {
    return ctx.services.similarity.family(urn, version);
  }

  @Query(() => [FamilyRun], { description: "Every families run kept, newest first." })
  familyRuns(@Ctx() ctx: GraphQLContext): Promise<FamilyRunRecord[]> {
    return ctx.services.similarity.runs();
  }
}

@Resolver(() => SimilarSchool)
export class SimilarSchoolResolver {
  @FieldResolver(() => School)
  school(
    @Root() similar: SimilarSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(similar.urn);
  }
}

@Resolver(() => Family)
export class FamilyResolver {
  @FieldResolver(() => School, { description: "The school the family was looked up for." })
  school(@Root() family: FamilyRecord, @Ctx() ctx: GraphQLContext): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(family.urn);
  }

  @FieldResolver(() => FamilyRun, { description: "The run that made this family." })
  run(@Root() family: FamilyRecord, @Ctx() ctx: GraphQLContext): Promise<FamilyRunRecord | null> {
    return ctx.services.similarity.run(family.version);
  }

  @FieldResolver(() => FamilyMemberConnection, {
    description: "Members in name order, the looked-up school among them; totalCount is size.",
  })
  members(
    @Root() family: FamilyRecord,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<FamilyMemberRecord>> {
    return ctx.services.similarity.members(family, first, after);
  }

  @FieldResolver(() => [BetterSchool], {
    description:
      "Who does better: among the 50 schools of its phase most alike the looked-up school on the FAMILIES (intake-only) features (with `sameRegion`, those of them in its region), those beating its figure for `outcome`, most better first, on today's figures; each with how alike it is. Alikeness never looks at results. Only schools with the figure count: empty when the looked-up school has none. The outcome must be measured for the family's phase.",
  })
  doingBetter(
    @Root() family: FamilyRecord,
    @Arg("outcome", () => OutcomeFeatureEnum) outcome: OutcomeFeature,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
    first: number | null,
    @Arg("sameRegion", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        "Only those of the 50 most alike schools in the looked-up school's region; it never widens who counts as alike.",
    })
    sameRegion: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BetterSchoolRecord[]> {
    return ctx.services.similarity.doingBetter(family, outcome, first, sameRegion);
  }
}

@Resolver(() => FamilyMember)
export class FamilyMemberResolver {
  @FieldResolver(() => [OutcomeComparison], {
    description:
      "This member next to the looked-up school on every outcome measured for the phase, on today's figures.",
  })
  outcomes(
    @Root() member: FamilyMemberRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MemberOutcome[]> {
    return ctx.services.similarity.outcomes(member);
  }
}

@Resolver(() => BetterSchool)
export class BetterSchoolResolver {
  @FieldResolver(() => School)
  school(
    @Root() better: BetterSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(better.urn);
  }
}

/** Every resolver class of the module, for the schema. */
export const similarityResolvers = [
  SimilarityResolver,
  SimilarSchoolResolver,
  FamilyResolver,
  FamilyMemberResolver,
  BetterSchoolResolver,
  ...outcomeTrendResolvers,
] as const;
