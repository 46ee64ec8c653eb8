import type { AuthChecker } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { authorizeRole, type Operation } from "./policy.js";

/**
 * type-graphql's check for `@Authorized<Operation>("operation")`: the caller's role against the
 * policy table. type-graphql runs it before it validates the arguments, so anonymous callers
 * get UNAUTHENTICATED and denied roles FORBIDDEN even when their input is also invalid. What
 * needs the resource (a school's own, a region overseen) is checked in the service.
 */
export const authorizedByPolicy: AuthChecker<GraphQLContext, Operation> = (
  { context },
  operations,
) => {
  for (const operation of operations) authorizeRole(context.principal, operation);
  return true;
};
