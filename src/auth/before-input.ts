import type { MiddlewareFn } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { authorizeRole, type Operation } from "./policy.js";

/**
 * `@UseMiddleware(beforeInput("operation"))` on a mutation: the caller's role is checked against
 * the policy before type-graphql validates the arguments (middleware runs first), so anonymous
 * callers get UNAUTHENTICATED and denied roles FORBIDDEN even when their input is also invalid.
 */
export function beforeInput(operation: Operation): MiddlewareFn<GraphQLContext> {
  return ({ context }, next) => {
    authorizeRole(context.principal, operation);
    return next();
  };
}
