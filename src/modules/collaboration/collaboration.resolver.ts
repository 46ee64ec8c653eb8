import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { CollaborationModelRecord, CollaborationRoadmap } from "./collaboration.model.js";
import {
  CollaborationModel,
  CollaborationRoadmap as CollaborationRoadmapType,
  JoiningRoutes,
} from "./collaboration.types.js";

@Resolver(() => CollaborationModel)
export class CollaborationModelResolver {
  @Query(() => [CollaborationModel], {
    description: "Every way schools can work together, with governance, joining and leaving rules.",
  })
  collaborationModels(@Ctx() ctx: GraphQLContext): Promise<CollaborationModelRecord[]> {
    return ctx.services.collaboration.models();
  }

  @Query(() => CollaborationModel, { nullable: true, description: "A model by catalogue id." })
  collaborationModel(
    @Arg("id", () => String) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CollaborationModelRecord | null> {
    return ctx.services.collaboration.model(id);
  }

  @Query(() => CollaborationRoadmapType, {
    nullable: true,
    description:
      "The models this school can take up given its status and current memberships, with the steps; null when the URN is unknown.",
  })
  collaborationOptions(
    @Arg("urn", () => Int) urn: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CollaborationRoadmap | null> {
    return ctx.services.collaboration.options(urn);
  }

  @FieldResolver(() => JoiningRoutes)
  joining(@Root() model: CollaborationModelRecord): JoiningRoutes {
    return {
      maintained: model.joining.MAINTAINED,
      academy: model.joining.ACADEMY,
      independent: model.joining.INDEPENDENT,
    };
  }
}
