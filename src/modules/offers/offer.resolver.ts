import type { Operation } from "../../auth/policy.js";
import { Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root, Authorized } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { GraphQLContext } from "../../context.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import type { SupportTopic } from "./offer.model.js";
import { SupportTopicEnum, UpdateSchoolOfferArgs } from "./offer.types.js";

@Resolver(() => School)
export class SchoolOfferResolver {
  @Mutation(() => School, {
    description:
      "Replaces what a school can offer other schools and what it seeks (used by matching).",
  })
  @Authorized<Operation>("updateSchoolOffer")
  updateSchoolOffer(
    @Args(() => UpdateSchoolOfferArgs)
    { urn, offers, seeks }: UpdateSchoolOfferArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord> {
    return ctx.services.offers.update(urn, offers, seeks);
  }

  @FieldResolver(() => [SupportTopicEnum], {
    nullable: true,
    description: "What the school says it can offer other schools; signed-in readers only.",
  })
  offers(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): SupportTopic[] {
    return ctx.services.offers.visible(school, "offers");
  }

  @FieldResolver(() => [SupportTopicEnum], {
    nullable: true,
    description: "What the school seeks support with; signed-in readers only.",
  })
  seeks(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): SupportTopic[] {
    return ctx.services.offers.visible(school, "seeks");
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description: "When the school last changed its offers or seeks.",
  })
  offerUpdatedAt(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): string | null {
    ctx.services.offers.visible(school, "offers");
    return school.offerUpdatedAt;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Set when the offers and seeks were recorded for a predecessor (this URN) and carried over when it closed; null once the school records its own. Signed-in readers only.",
  })
  offersFromUrn(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): number | null {
    ctx.services.offers.visible(school, "offers");
    return school.offersFromUrn;
  }
}
