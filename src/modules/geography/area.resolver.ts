/**
 * Fields that several types share because they are placed in, or are, an area: the same
 * resolvers built for each type (as `sourceResolver` is for datasets' sources).
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, type ClassType, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { MaybePromise } from "../common/loaders.js";
import type { Page } from "../common/pagination.js";
import { selectsField } from "../common/selection.js";
import type { SchoolFilter, SchoolRecord } from "../schools/school.model.js";
import { SchoolConnection } from "../schools/school.types.js";
import type {
  Coverage as CoverageRecord,
  LocalAuthorityRecord,
  RegionRecord,
} from "./geography.model.js";
import type { GeographyService } from "./geography.service.js";
import { Coverage, LocalAuthority, Region } from "./geography.types.js";

interface Placed {
  laCode: number | null;
  regionCode: string | null;
}

/** `localAuthority` and `region` of a type whose records carry the codes of both. */
export function placedResolver(
  type: ClassType,
  descriptions: { localAuthority?: string } = {},
): ClassType {
  @Resolver(() => type)
  class PlacedResolver {
    @FieldResolver(() => LocalAuthority, {
      nullable: true,
      ...(descriptions.localAuthority ? { description: descriptions.localAuthority } : {}),
    })
    localAuthority(
      @Root() placed: Placed,
      @Ctx() ctx: GraphQLContext,
    ): MaybePromise<LocalAuthorityRecord | null> {
      return ctx.services.geography.localAuthorityByCode(placed.laCode);
    }

    @FieldResolver(() => Region, { nullable: true })
    region(@Root() placed: Placed, @Ctx() ctx: GraphQLContext): MaybePromise<RegionRecord | null> {
      return ctx.services.geography.regionByCode(placed.regionCode);
    }
  }
  return PlacedResolver;
}

/** How one kind of area (a region, an LA) narrows the schools and counts its coverage. */
export interface AreaKind<Area> {
  schoolsDescription: string;
  filter(area: Area): SchoolFilter;
  coverage(
    geography: GeographyService,
    area: Area,
    stateFundedOnly: boolean,
  ): Promise<CoverageRecord>;
}

/** An area's `schools` (paged, in name order) and `coverage` by partnerships. */
export function areaContentsResolver<Area>(type: ClassType, kind: AreaKind<Area>): ClassType {
  @Resolver(() => type)
  class AreaContentsResolver {
    @FieldResolver(() => SchoolConnection, { description: kind.schoolsDescription })
    schools(
      @Root() area: Area,
      @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
      @Info() info: GraphQLResolveInfo,
      @Ctx() ctx: GraphQLContext,
    ): Promise<Page<SchoolRecord>> {
      return ctx.services.schools.list({
        filter: kind.filter(area),
        first,
        after,
        includeTotal: selectsField(info, "totalCount"),
      });
    }

    @FieldResolver(() => Coverage, { description: "How far partnerships reach its schools." })
    coverage(
      @Root() area: Area,
      @Arg("stateFundedOnly", () => Boolean, {
        defaultValue: true,
        description: "Count state-funded schools only (the schools partnerships are for).",
      })
      stateFundedOnly: boolean,
      @Ctx() ctx: GraphQLContext,
    ): Promise<CoverageRecord> {
      return kind.coverage(ctx.services.geography, area, stateFundedOnly);
    }
  }
  return AreaContentsResolver;
}
