import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { MaybePromise } from "../common/loaders.js";
import type { GraphQLContext } from "../../context.js";
import type { LocalAuthorityRecord, RegionRecord } from "./geography.model.js";
import { LocalAuthoritiesArgs, RegionsArgs } from "./geography.input.js";
import { areaContentsResolver } from "./area.resolver.js";
import { LocalAuthority, Region } from "./geography.types.js";

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
}

export const RegionContentsResolver = areaContentsResolver<RegionRecord>(Region, {
  schoolsDescription: "The region's schools in name order.",
  filter: (region) => ({ regionCode: region.code }),
  coverage: (geography, region, stateFundedOnly) =>
    geography.regionCoverage(region.code, stateFundedOnly),
});

export const LocalAuthorityContentsResolver = areaContentsResolver<LocalAuthorityRecord>(
  LocalAuthority,
  {
    schoolsDescription: "Its schools in name order.",
    filter: (localAuthority) => ({ localAuthorityCode: localAuthority.code }),
    coverage: (geography, localAuthority, stateFundedOnly) =>
      geography.localAuthorityCoverage(localAuthority.code, stateFundedOnly),
  },
);

export const geographyResolvers = [
  RegionResolver,
  LocalAuthorityResolver,
  RegionContentsResolver,
  LocalAuthorityContentsResolver,
] as const;
