import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { Viewer } from "./auth.types.js";

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: "Who the request's bearer token names; null for anonymous requests.",
  })
  viewer(@Ctx() ctx: GraphQLContext): Viewer | null {
    const p = ctx.principal;
    if (p.role === "ANONYMOUS") return null;
    return {
      role: p.role,
      sub: p.sub,
      urn: p.role === "SCHOOL" ? p.urn : null,
      systemLeaderId: p.role === "SYSTEM_LEADER" ? p.systemLeaderId : null,
      regionCodes: p.role === "OVERSIGHT" ? p.regionCodes : [],
    };
  }
}
