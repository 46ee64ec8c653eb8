import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, type ClassType } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { DatasetRecord } from "./dataset.model.js";
import { Dataset } from "./dataset.types.js";

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: "Every dataset the graph was loaded from." })
  datasets(@Ctx() ctx: GraphQLContext): Promise<DatasetRecord[]> {
    return ctx.services.datasets.all();
  }

  @Query(() => Dataset, { nullable: true, description: "One dataset by id; null when unknown." })
  dataset(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DatasetRecord | null> {
    return ctx.services.datasets.byId(id);
  }
}

/** Anything that cites the dataset it came from by id. */
export interface Sourced {
  sourceId: string | null;
}

/**
 * A resolver adding `source: Dataset!` to an object type whose values carry `sourceId`.
 * Every figure type needs the same field, batched through the same per-request loader.
 */
export function sourceResolver(type: ClassType): ClassType {
  @Resolver(() => type)
  class SourceResolver {
    @FieldResolver(() => Dataset, { description: "The dataset this came from." })
    source(@Root() sourced: Sourced, @Ctx() ctx: GraphQLContext): Promise<DatasetRecord> {
      return ctx.services.datasets.sourceOf(sourced.sourceId);
    }
  }
  return SourceResolver;
}
