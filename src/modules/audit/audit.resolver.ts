import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import { encodeAuditCursor } from "./audit.service.js";
import { AuditEvent, AuditEventConnection, AuditEventFilter } from "./audit.types.js";

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      "Changes made through the API, newest first: every one for admins, those concerning their regions for oversight.",
  })
  async auditEvents(
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditEventConnection> {
    const page = await ctx.services.audit.list(filter, first, after);
    return {
      edges: page.events.map((event) => ({ cursor: encodeAuditCursor(event), node: event })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
