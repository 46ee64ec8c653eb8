import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { SystemLeaderRecord } from "../support/system-leader.model.js";
import { SystemLeader } from "../support/system-leader.types.js";
import type {
  Contribution,
  RecognisedLeaderRecord,
  RecognisedSchoolRecord,
  SupportRecognitionRecord,
} from "./recognition.model.js";
import {
  RecognisedLeader,
  RecognisedSchool,
  RecognitionContribution,
  SupportRecognition,
} from "./recognition.types.js";

@Resolver(() => SupportRecognition)
export class SupportRecognitionResolver {
  @Query(() => SupportRecognition, {
    description:
      "System leaders, and the schools they are based at, ranked for supporting schools in need band 1 or 2 in disadvantaged areas, weighted by need, deprivation, months of support and the KS2 outcome against the national change (see `rule`). With a region, support given to schools in that region. The ranking, points and rule are public; each contribution names the school supported only to callers who may read that engagement (see RecognitionContribution). NOT_FOUND for an unknown region.",
  })
  supportRecognition(
    @Arg("regionCode", () => String, {
      nullable: true,
      description: "E12000001..E12000009: where the support was given; all of England if omitted.",
    })
    regionCode: string | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 10,
      description: "Leaders and schools to rank, 1 to 50.",
    })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportRecognitionRecord> {
    return ctx.services.recognition.supportRecognition(regionCode, first);
  }
}

@Resolver(() => RecognisedLeader)
export class RecognisedLeaderResolver {
  @FieldResolver(() => SystemLeader, { nullable: true })
  systemLeader(
    @Root() leader: RecognisedLeaderRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    return ctx.services.systemLeaders.byId(leader.systemLeaderId);
  }

  @FieldResolver(() => School, { nullable: true, description: "The school it is based at." })
  baseSchool(
    @Root() leader: RecognisedLeaderRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return leader.baseUrn === null
      ? Promise.resolve(null)
      : ctx.services.schools.byUrn(leader.baseUrn);
  }
}

@Resolver(() => RecognisedSchool)
export class RecognisedSchoolResolver {
  @FieldResolver(() => School, { nullable: true })
  school(
    @Root() school: RecognisedSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(school.urn);
  }

  @FieldResolver(() => [SystemLeader], {
    description: "The recognised leaders based here, most points first.",
  })
  async leaders(
    @Root() school: RecognisedSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord[]> {
    const leaders = await Promise.all(
      school.systemLeaderIds.map((id) => ctx.services.systemLeaders.byId(id)),
    );
    return leaders.filter((leader): leader is SystemLeaderRecord => leader !== null);
  }
}

@Resolver(() => RecognitionContribution)
export class RecognitionContributionResolver {
  @FieldResolver(() => School, {
    nullable: true,
    description:
      "The school supported; null unless the caller may read the engagement (the school itself, the leader, oversight of the school's region, admins).",
  })
  school(
    @Root() contribution: Contribution,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return contribution.urn === null
      ? Promise.resolve(null)
      : ctx.services.schools.byUrn(contribution.urn);
  }
}

export const recognitionResolvers = [
  SupportRecognitionResolver,
  RecognisedLeaderResolver,
  RecognisedSchoolResolver,
  RecognitionContributionResolver,
] as const;
