import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import type { ArgumentValidationError } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { argumentProblem } from "../hardening/input-validation.js";
import { ErrorCode } from "./index.js";

export const INTERNAL_ERROR_MESSAGE = "Internal server error";
export const TIMEOUT_MESSAGE =
  "The database took too long to answer (DB_QUERY_TIMEOUT_MS); try again, or ask for less.";

/**
 * A statement cut off by the per-call timeout. The client can do something about it (retry,
 * ask for less), so it is reported as SERVICE_UNAVAILABLE rather than hidden as a server error.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  const code = (thrownError(error) as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.includes("TransactionTimedOut");
}

/**
 * The request each unexpected error belongs to. Apollo hands formatError no context, but it
 * reports the same error objects to `didEncounterErrors` first, where the context is known.
 */
const requestIdOfError = new WeakMap<object, string>();

interface LocatedError {
  path: readonly (string | number)[];
  originalError: unknown;
}

/** The error a resolver threw, without the located wrapper graphql-js puts around it. */
function thrownError(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  // unwrapResolverError recognises the wrapper with instanceof, which fails when graphql is
  // loaded twice (its CommonJS and ESM builds side by side, as under some test runners); the
  // wrapper's shape gives it away all the same.
  const located = unwrapped as Partial<LocatedError> | null;
  return typeof located === "object" && located?.path && located.originalError
    ? located.originalError
    : unwrapped;
}

/**
 * graphql-js stops coercing variables after 50 invalid values with an error of its own. Unlike
 * the errors before it, that one names no variable, so Apollo gives it no code; it is still the
 * client's input that is wrong.
 */
function isVariableErrorLimit(error: unknown): boolean {
  const raised = error as Partial<GraphQLError> | null;
  return (
    error instanceof Error &&
    raised?.path === undefined &&
    raised?.originalError == null &&
    error.message.startsWith("Too many errors processing variables")
  );
}

/** What type-graphql throws when `validate: true` finds a class-validator rule broken. */
function isArgumentValidationError(error: unknown): error is ArgumentValidationError {
  const extensions = (error as Partial<GraphQLError> | null)?.extensions;
  return error instanceof Error && Array.isArray(extensions?.["validationErrors"]);
}

/**
 * True for errors a client is meant to see: GraphQL errors that carry a code, namely ours
 * (BAD_USER_INPUT, SERVICE_UNAVAILABLE, ...) and Apollo's parse and validation errors.
 * Anything else (a driver error, a bug) is unexpected and must not reach the client.
 */
export function isClientError(error: unknown): boolean {
  if (isVariableErrorLimit(error)) return true;
  const thrown = thrownError(error);
  if (!(thrown instanceof Error)) return false;
  const code = (thrown as Partial<GraphQLError>).extensions?.["code"];
  return typeof code === "string" && code !== ErrorCode.Internal;
}

/**
 * Apollo's formatError, the one place errors become what clients see: client errors pass
 * through with their codes (a broken class-validator rule named by its argument path, as a
 * service's ValidationError is); anything else becomes
 * a generic INTERNAL_SERVER_ERROR carrying the request id, so support can find the full error
 * in the logs while the client never sees a stack trace, Cypher or driver message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (isVariableErrorLimit(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
  }
  const thrown = thrownError(error);
  if (isArgumentValidationError(thrown)) {
    const problem = argumentProblem(thrown);
    return { ...formatted, message: problem.message, extensions: problem.extensions };
  }
  if (isClientError(error)) return formatted;
  if (isDatabaseTimeout(error)) {
    return {
      message: TIMEOUT_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.ServiceUnavailable },
    };
  }
  const requestId =
    typeof error === "object" && error !== null ? requestIdOfError.get(error) : undefined;
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal, ...(requestId ? { requestId } : {}) },
  };
}

/**
 * Logs every unexpected error in full with the request id (before formatError hides it) and
 * notes database outages, which clients see as SERVICE_UNAVAILABLE.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = thrownError(error);
            if (isDatabaseTimeout(error)) {
              contextValue.logger.warn(
                { path: error.path, operationName },
                "database call timed out",
              );
            } else if (!isClientError(error)) {
              requestIdOfError.set(error, contextValue.requestId);
              contextValue.logger.error(
                { err: original, path: error.path, operationName },
                "unexpected error while resolving a GraphQL request",
              );
            } else if (
              (original as Partial<GraphQLError>).extensions?.["code"] ===
              ErrorCode.ServiceUnavailable
            ) {
              contextValue.logger.warn({ path: error.path, operationName }, "database unavailable");
            }
          }
        },
      };
    },
  };
}
