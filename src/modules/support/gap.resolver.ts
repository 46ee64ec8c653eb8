import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { RegionRecord } from "../geography/geography.model.js";
import { placedResolver } from "../geography/area.resolver.js";
import { Region } from "../geography/geography.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { SupportEngagementRecord, SystemLeaderRecord } from "./system-leader.model.js";
import { SupportEngagement, SystemLeader } from "./system-leader.types.js";
import type { AreaGap, AreaLevel, GapKind } from "./gap.model.js";
import type {
  ConvertorAcademiesSupport as ConvertorAcademiesSupportRecord,
  ConvertorAcademy as ConvertorAcademyRecord,
  GapSensitivity as GapSensitivityRecord,
  IsolatedSchool as IsolatedSchoolRecord,
  SupportMap as SupportMapRecord,
} from "./gap.service.js";
import {
  AreaLevelEnum,
  ConvertorAcademiesSupport,
  ConvertorAcademy,
  FigureExplanation,
  GapKindEnum,
  GapSensitivity,
  IsolatedSchool,
  SchoolNeed,
  SUPPLY_ARGUMENT,
  SupplyModeEnum,
  SupportGap,
  SupportMap,
} from "./gap.types.js";
import { DEFAULT_GAP_PARAMETERS, type SupplyMode } from "./support.rules.js";
import { explainGap, type FigureExplanation as FigureExplanationRecord } from "./gap-explain.js";
import type { SchoolNeedRecord } from "./need-band.repository.js";

const REGION_ARGUMENT = {
  nullable: true,
  description: "E12000001..E12000009; all of England when absent. NOT_FOUND for an unknown region.",
} as const;

@Resolver()
export class GapResolver {
  @Query(() => [SupportGap], {
    description:
      "Local authorities and districts by gap index, highest first: need (schools in bands 1-2) weighed against the system leaders, hubs and partnerships within reach. Without `level`, both levels, a unitary authority listed once.",
  })
  supportGaps(
    @Arg("regionCode", () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg("kind", () => GapKindEnum, { nullable: true, defaultValue: "ALL" }) kind: GapKind | null,
    @Arg("level", () => AreaLevelEnum, { nullable: true }) level: AreaLevel | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1 to 500." })
    first: number | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AreaGap[]> {
    return ctx.services.gaps.supportGaps({ regionCode, kind, level, first, supply });
  }

  @Query(() => [IsolatedSchool], {
    description:
      "State-funded schools in no partnership and with no person designation (NLE, LLE, SLE, NLG) counting under `supply` and serving their phase within reach, neediest first, then the furthest from one. Hubs do not count: every LA has one. Under REAL without a loaded list of designations, that is every school in no partnership.",
  })
  isolatedSchools(
    @Arg("regionCode", () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1 to 100." })
    first: number | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IsolatedSchoolRecord[]> {
    return ctx.services.gaps.isolatedSchools(regionCode, first, supply);
  }

  @Query(() => SupportMap, {
    description:
      "An area's state-funded schools as map points coloured by need band, how many have no location, and the system leaders and hubs counting under `supply`: what the oversight map draws, from the same data as supportGaps.",
  })
  supportMap(
    @Arg("regionCode", () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportMapRecord> {
    return ctx.services.gaps.supportMap(regionCode, supply);
  }

  @Query(() => GapSensitivity, {
    description:
      "Which areas enter or leave the top `top` gaps when each threshold (reach, capacity, partnership credit, rural/coastal share, coastal distance) moves down and up by `change`.",
  })
  gapSensitivity(
    @Arg("regionCode", () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg("kind", () => GapKindEnum, { nullable: true, defaultValue: "ALL" }) kind: GapKind | null,
    @Arg("level", () => AreaLevelEnum, { nullable: true }) level: AreaLevel | null,
    @Arg("top", () => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
    top: number | null,
    @Arg("change", () => Float, {
      nullable: true,
      defaultValue: 0.1,
      description: "Fraction each threshold moves, above 0 and at most 0.25.",
    })
    change: number | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GapSensitivityRecord> {
    return ctx.services.gaps.gapSensitivity({ regionCode, kind, level, top, change, supply });
  }

  @Query(() => ConvertorAcademiesSupport, {
    description:
      "Convertor academies and whether a system leader based at each supports another school.",
  })
  convertorAcademiesSupport(
    @Arg("regionCode", () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg("supply", () => SupplyModeEnum, SUPPLY_ARGUMENT) supply: SupplyMode | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConvertorAcademiesSupportRecord> {
    return ctx.services.gaps.convertorAcademiesSupport(regionCode, supply);
  }
}

@Resolver(() => SupportGap)
export class SupportGapResolver {
  @FieldResolver(() => [FigureExplanation], {
    description: "One plain-words line per figure, with the area's own numbers.",
  })
  explanations(@Root() gap: AreaGap): FigureExplanationRecord[] {
    return explainGap(gap, DEFAULT_GAP_PARAMETERS);
  }

  @FieldResolver(() => [School], {
    description: "The schools in need behind the figures, neediest and least covered first.",
  })
  schools(
    @Root() gap: AreaGap,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "1 to 100." })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord[]> {
    return ctx.services.gaps.schoolsOf(gap.needUrns, first, ctx.services.schools);
  }
}

@Resolver(() => IsolatedSchool)
export class IsolatedSchoolResolver {
  @FieldResolver(() => School, { nullable: true })
  school(
    @Root() isolated: IsolatedSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(isolated.urn);
  }

  @FieldResolver(() => SystemLeader, { nullable: true })
  async nearestLeader(
    @Root() isolated: IsolatedSchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord | null> {
    return isolated.nearestLeaderId === null
      ? null
      : ctx.services.systemLeaders.byId(isolated.nearestLeaderId);
  }
}

@Resolver(() => ConvertorAcademiesSupport)
export class ConvertorAcademiesSupportResolver {
  @FieldResolver(() => Region, { nullable: true, description: "Null for all of England." })
  async region(
    @Root() support: ConvertorAcademiesSupportRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegionRecord | null> {
    return ctx.services.geography.regionByCode(support.regionCode);
  }

  @FieldResolver(() => [ConvertorAcademy], {
    description: "Supporting academies first, then by Ofsted grade (best placed to help first).",
  })
  academies(
    @Root() support: ConvertorAcademiesSupportRecord,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1 to 100." })
    first: number | null,
    @Arg("supporting", () => Boolean, {
      nullable: true,
      description: "Only academies that do (true) or do not (false) support another school.",
    })
    supporting: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): ConvertorAcademyRecord[] {
    return ctx.services.gaps.academies(support, first, supporting);
  }
}

@Resolver(() => ConvertorAcademy)
export class ConvertorAcademyResolver {
  @FieldResolver(() => School, { nullable: true })
  school(
    @Root() academy: ConvertorAcademyRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(academy.urn);
  }

  @FieldResolver(() => [SystemLeader], {
    description: "System leaders based at the academy that count under the list's supply mode.",
  })
  async systemLeaders(
    @Root() academy: ConvertorAcademyRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord[]> {
    const leaders = await Promise.all(
      academy.systemLeaderIds.map((id) => ctx.services.systemLeaders.byId(id)),
    );
    return leaders.filter((leader): leader is SystemLeaderRecord => leader !== null);
  }
}

/** What a school's page shows about support: its need, its system leaders, who supports it. */
@Resolver(() => School)
export class SchoolSupportResolver {
  @FieldResolver(() => SchoolNeed, {
    nullable: true,
    description: "The school's need band and reasons; null until `npm run need-bands` has run.",
  })
  need(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): Promise<SchoolNeedRecord | null> {
    return ctx.services.gaps.need(school.urn);
  }

  @FieldResolver(() => [SystemLeader], { description: "System leaders based at the school." })
  systemLeaders(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SystemLeaderRecord[]> {
    return ctx.services.systemLeaders.basedAt(school.urn);
  }

  @FieldResolver(() => [SupportEngagement], {
    description:
      "System leaders' engagements with the school that the caller may read, newest first, with those of the closed schools it replaced as history (urn names the school supported); the rest are left out, not refused. The school itself, the leader concerned, oversight of its region and admins see them; anonymous callers get an empty list.",
  })
  supportEngagements(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupportEngagementRecord[]> {
    return ctx.services.systemLeaders.engagementsOfSchool(school.urn);
  }
}

export const gapResolvers = [
  GapResolver,
  SupportGapResolver,
  placedResolver(SupportGap, { localAuthority: "The LA, or the LA the district is in." }),
  IsolatedSchoolResolver,
  ConvertorAcademiesSupportResolver,
  ConvertorAcademyResolver,
  SchoolSupportResolver,
] as const;
