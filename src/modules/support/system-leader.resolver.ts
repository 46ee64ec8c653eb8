import type { MaybePromise } from "../common/loaders.js";
import { SUPPLY_ARGUMENT, SupplyModeEnum } from "./gap.types.js";
import { REACH_KM, type SupplyMode } from "./support.rules.js";
import type { HubAreaFacts } from "./hub-areas.js";
import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import { selectsField } from "../common/selection.js";
import { sourceResolver } from "../datasets/dataset.resolver.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { placedResolver } from "../geography/area.resolver.js";
import { LocalAuthority, Region } from "../geography/geography.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type {
  AssignmentPlan as AssignmentPlanRecord,
  PlannedAssignment as PlannedAssignmentRecord,
  UnmetArea,
} from "./assignment-plan.js";
import type { SupportCandidate as SupportCandidateRecord } from "./candidates.js";
import { availableCapacity } from "./reach.js";
import { DesignationEnum } from "./system-leader.enums.js";
import type {
  Designation,
  SupportEngagementRecord,
  SystemLeaderRecord,
} from "./system-leader.model.js";
import {
  AssignmentPlan,
  HubArea,
  PlannedAssignment,
  SupportCandidate,
  SupportEngagement,
  SystemLeader,
  SystemLeaderConnection,
  UnmetNeed,
} from "./system-leader.types.js";

@Resolver(() => SystemLeader)
export class SystemLeaderResolver {
  @Query(() => SystemLeader, {
    nullable: true,
    description: "A system leader by id; null when unknown.",
  })
  systemLeader(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    return ctx.services.systemLeaders.byId(id);
  }

  @Query(() => SystemLeaderConnection, {
    description: "System leaders in name order, a page at a time; an unknown region has none.",
  })
  systemLeaders(
    @Arg("regionCode", () => String, { nullable: true, description: "E12000001..E12000009." })
    regionCode: string | null,
    @Arg("designation", () => DesignationEnum, { nullable: true }) designation: Designation | null,
    @Arg("nameContains", () => String, {
      nullable: true,
      description:
        "Part of the leader's name, or of the name, town or local authority of the school it is based at, ignoring case; 2 to 100 characters.",
    })
    nameContains: string | null,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<SystemLeaderRecord>> {
    return ctx.services.systemLeaders.list({
      regionCode,
      designation,
      nameContains,
      first,
      after,
      includeTotal: selectsField(info, "totalCount"),
    });
  }

  @Query(() => [SupportCandidate], {
    description:
      "Schools the system leader could support, ranked by need × fit (specialism against the school's weakest area) × reach, best first. Schools with an open engagement are never offered. NOT_FOUND for an unknown leader.",
  })
  schoolsToSupport(
    @Arg("systemLeaderId", () => ID) systemLeaderId: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
    first: number | null,
    @Arg("maxDistanceKm", () => Float, {
      nullable: true,
      description:
        "Search radius in km, above 0 and at most 200; by default the leader's reach, wider for rural and sparse schools.",
    })
    maxDistanceKm: number | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportCandidateRecord[]> {
    return ctx.services.systemLeaders.schoolsToSupport(
      systemLeaderId,
      first,
      maxDistanceKm,
      supply,
    );
  }

  @Query(() => AssignmentPlan, {
    description:
      "The region's system leaders assigned to its schools in need, covering the most need any capacity-respecting assignment can (minimum-cost flow), with the need left over by area. NOT_FOUND for an unknown region.",
  })
  supportAssignments(
    @Arg("regionCode", () => String, { description: "E12000001..E12000009." }) regionCode: string,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssignmentPlanRecord> {
    return ctx.services.systemLeaders.supportAssignments(regionCode, supply);
  }

  @FieldResolver(() => Int, { description: "capacity − openEngagements, never below 0." })
  availableCapacity(@Root() leader: SystemLeaderRecord): number {
    return availableCapacity(leader.capacity, leader.openEngagements);
  }

  @FieldResolver(() => Float, {
    description:
      "How far the leader travels to an urban school, in km; 1.5 times as far to a rural school, twice to one in a sparse setting.",
  })
  reachKm(@Root() leader: SystemLeaderRecord): number {
    return REACH_KM[leader.designation];
  }

  @FieldResolver(() => HubArea, {
    nullable: true,
    description:
      "For a Teaching School Hub, the local authorities it serves and how each was given; null for other leaders.",
  })
  async hubArea(
    @Root() leader: SystemLeaderRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HubAreaFacts | null> {
    if (leader.designation !== "TEACHING_SCHOOL_HUB") return null;
    const prepared = await ctx.services.gaps.snapshot();
    const position = prepared.leaderPosition.get(leader.id);
    return position === undefined ? null : (prepared.hubAreas.byHub.get(position) ?? null);
  }

  @FieldResolver(() => School, { nullable: true, description: "The school it is based at." })
  async baseSchool(
    @Root() leader: SystemLeaderRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return leader.baseUrn === null ? null : ctx.services.schools.byUrn(leader.baseUrn);
  }

  @FieldResolver(() => [SupportEngagement], {
    description:
      "The leader's support engagements the caller may read, newest first; the rest are left out, not refused. Which schools receive support reveals their weakness, so a school sees those it receives, a system leader its own, oversight those with schools in its regions and an admin all; anonymous callers get an empty list. Engagements with schools that have since closed stay listed, with school null and open false. openEngagements and availableCapacity count every open engagement, readable or not, and stay public.",
  })
  engagements(
    @Root() leader: SystemLeaderRecord,
    @Arg("openOnly", () => Boolean, { nullable: true, defaultValue: false })
    openOnly: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportEngagementRecord[]> {
    return ctx.services.systemLeaders.engagements(leader.id, openOnly ?? false);
  }
}

/** `source: Dataset!`: the list, hub register or generator the designation came from. */
export const SystemLeaderSourceResolver = sourceResolver(SystemLeader);

@Resolver(() => SupportEngagement)
export class SupportEngagementResolver {
  @FieldResolver(() => School, {
    nullable: true,
    description: "The school supported; null if it has since closed (urn still names it).",
  })
  school(
    @Root() engagement: SupportEngagementRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(engagement.urn);
  }

  @FieldResolver(() => SystemLeader, {
    nullable: true,
    description:
      "Null when its designation has since been withdrawn (e.g. a reload of the list no longer has it): the engagement stays as history.",
  })
  systemLeader(
    @Root() engagement: SupportEngagementRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    return ctx.services.systemLeaders.byId(engagement.systemLeaderId);
  }
}

@Resolver(() => SupportCandidate)
export class SupportCandidateResolver {
  @FieldResolver(() => School, { nullable: true })
  school(
    @Root() candidate: SupportCandidateRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(candidate.urn);
  }
}

@Resolver(() => PlannedAssignment)
export class PlannedAssignmentResolver {
  @FieldResolver(() => SystemLeader, { nullable: true })
  systemLeader(
    @Root() assignment: PlannedAssignmentRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    return ctx.services.systemLeaders.byId(assignment.systemLeaderId);
  }

  @FieldResolver(() => School, { nullable: true })
  school(
    @Root() assignment: PlannedAssignmentRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(assignment.urn);
  }
}

@Resolver(() => UnmetNeed)
export class UnmetNeedResolver {
  @FieldResolver(() => LocalAuthority, { nullable: true })
  localAuthority(
    @Root() unmet: UnmetArea,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<LocalAuthorityRecord | null> {
    return ctx.services.geography.localAuthorityByCode(unmet.laCode);
  }

  @FieldResolver(() => [School], { description: "The schools left over, neediest first." })
  schools(
    @Root() unmet: UnmetArea,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord[]> {
    return ctx.services.gaps.schoolsOf(unmet.urns, first, ctx.services.schools);
  }
}

@Resolver(() => AssignmentPlan)
export class AssignmentPlanResolver {
  @FieldResolver(() => Region, { nullable: true })
  region(
    @Root() plan: AssignmentPlanRecord,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<RegionRecord | null> {
    return ctx.services.geography.regionByCode(plan.regionCode);
  }
}

export const systemLeaderResolvers = [
  SystemLeaderResolver,
  placedResolver(SystemLeader),
  SystemLeaderSourceResolver,
  SupportEngagementResolver,
  SupportCandidateResolver,
  PlannedAssignmentResolver,
  UnmetNeedResolver,
  AssignmentPlanResolver,
] as const;
