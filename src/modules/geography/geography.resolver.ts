import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { MaybePromise } from "../common/loaders.js";
import type { GraphQLContext } from "../../context.js";
import type { Page } from "../common/pagination.js";
import { selectsField } from "../common/selection.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { SchoolConnection } from "../schools/school.types.js";
import type {
  Coverage as CoverageRecord,
  LocalAuthorityRecord,
  RegionRecord,
} from "./geography.model.js";
import { LocalAuthoritiesArgs, RegionsArgs } from "./geography.input.js";
import { Coverage, LocalAuthority, Region } from "./geography.types.js";

const STATE_FUNDED_ONLY = {
  defaultValue: true,
  description: "Count state-funded schools only (the schools partnerships are for).",
};

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: "England's nine regions, by code." })
  regions(
    @Args(() => RegionsArgs) { search }: RegionsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegionRecord[]> {
    return ctx.services.geography.regions(search ?? null);
  }

  @Query(() => Region, { nullable: true, description: "A region by ONS code; null when unknown." })
  region(
    @Arg("code", () => String, { description: "E12000001..E12000009." }) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegionRecord | null> {
    return ctx.services.geography.region(code);
  }

  @FieldResolver(() => [LocalAuthority], { description: "In name order." })
  localAuthorities(
    @Root() region: RegionRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LocalAuthorityRecord[]> {
    return ctx.services.geography.localAuthoritiesOfRegion(region.code);
  }

  @FieldResolver(() => SchoolConnection, { description: "The region's schools in name order." })
  schools(
    @Root() region: RegionRecord,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<SchoolRecord>> {
    return ctx.services.schools.list({
      filter: { regionCode: region.code },
      first,
      after,
      includeTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => Coverage, { description: "How far partnerships reach its schools." })
  coverage(
    @Root() region: RegionRecord,
    @Arg("stateFundedOnly", () => Boolean, STATE_FUNDED_ONLY) stateFundedOnly: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CoverageRecord> {
    return ctx.services.geography.regionCoverage(region.code, stateFundedOnly);
  }
}

@Resolver(() => LocalAuthority)
export class LocalAuthorityResolver {
  @Query(() => LocalAuthority, {
    nullable: true,
    description: "A local authority by 3-digit DfE code; null when unknown.",
  })
  localAuthority(
    @Arg("code", () => Int, { description: "E.g. 201." }) code: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LocalAuthorityRecord | null> {
    return ctx.services.geography.localAuthority(code);
  }

  @Query(() => [LocalAuthority], { description: "Local authorities in name order." })
  localAuthorities(
    @Args(() => LocalAuthoritiesArgs)
    { regionCode, search }: LocalAuthoritiesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LocalAuthorityRecord[]> {
    return ctx.services.geography.localAuthorities(regionCode, search ?? null);
  }

  @FieldResolver(() => [LocalAuthority], {
    description: "For an abolished authority, those its schools now belong to (909: 942, 943).",
  })
  async successors(
    @Root() localAuthority: LocalAuthorityRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LocalAuthorityRecord[]> {
    const successors = await Promise.all(
      (localAuthority.successorCodes ?? []).map((code) =>
        ctx.services.geography.localAuthorityByCode(code),
      ),
    );
    return successors.filter((la): la is LocalAuthorityRecord => la !== null);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(
    @Root() localAuthority: LocalAuthorityRecord,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<RegionRecord | null> {
    return ctx.services.geography.regionByCode(localAuthority.regionCode);
  }

  @FieldResolver(() => SchoolConnection, { description: "Its schools in name order." })
  schools(
    @Root() localAuthority: LocalAuthorityRecord,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<SchoolRecord>> {
    return ctx.services.schools.list({
      filter: { localAuthorityCode: localAuthority.code },
      first,
      after,
      includeTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => Coverage, { description: "How far partnerships reach its schools." })
  coverage(
    @Root() localAuthority: LocalAuthorityRecord,
    @Arg("stateFundedOnly", () => Boolean, STATE_FUNDED_ONLY) stateFundedOnly: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CoverageRecord> {
    return ctx.services.geography.localAuthorityCoverage(localAuthority.code, stateFundedOnly);
  }
}
