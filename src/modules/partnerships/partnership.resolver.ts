import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { MaybePromise } from "../common/loaders.js";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import type { DatasetRecord } from "../datasets/dataset.model.js";
import { Dataset } from "../datasets/dataset.types.js";
import type { Leadership as LeadershipRecord } from "../leaders/leader.model.js";
import { Leadership } from "../leaders/leader.types.js";
import type { MemberRecord, PartnershipRecord } from "./partnership.model.js";
import { Partnership, PartnershipMemberConnection } from "./partnership.types.js";

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => Partnership, {
    nullable: true,
    description: "A partnership by id; null when unknown.",
  })
  partnership(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    return ctx.services.partnerships.byId(id);
  }

  @FieldResolver(() => PartnershipMemberConnection, {
    description: "Member schools in name order; totalCount equals memberCount.",
  })
  members(
    @Root() partnership: PartnershipRecord,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<Page<MemberRecord>> {
    return ctx.services.partnerships.members(partnership.id, first, after);
  }

  @FieldResolver(() => [Leadership])
  leaders(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeadershipRecord[]> {
    return ctx.services.partnerships.leaders(partnership.id);
  }

  @FieldResolver(() => Dataset, { nullable: true, description: "Where the record came from." })
  async source(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DatasetRecord | null> {
    return partnership.sourceId === null
      ? null
      : ctx.services.datasets.sourceOf(partnership.sourceId);
  }
}
