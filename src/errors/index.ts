import { GraphQLError } from "graphql";

/** Stable codes clients can switch on; messages may change, codes do not. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  Unauthenticated: "UNAUTHENTICATED",
  Conflict: "CONFLICT",
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  /** Over the per-caller request limit (HTTP 429 with Retry-After); see docs/security.md. */
  RateLimited: "RATE_LIMITED",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;

export class ValidationError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, {
      extensions: { code: ErrorCode.BadUserInput, ...(argument ? { argument } : {}) },
    });
  }
}

export class NotFoundError extends GraphQLError {
  /** `argument` names the input that pointed at nothing, when the lookup came from one. */
  constructor(message: string, argument?: string) {
    super(message, {
      extensions: { code: ErrorCode.NotFound, ...(argument ? { argument } : {}) },
    });
  }
}

/**
 * The request is well formed but the graph's current state does not allow it: an invitation
 * already answered, a membership that already exists, a leaving rule that needs a statutory
 * process. Retrying the same request will fail the same way.
 */
export class ConflictError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code: ErrorCode.Conflict } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "You are not allowed to do this.") {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = "Sign in to do this.") {
    super(message, { extensions: { code: ErrorCode.Unauthenticated } });
  }
}

/** The database cannot be reached; the request may succeed if retried later. */
export class UnavailableError extends GraphQLError {
  constructor(message = "The database is unavailable; try again shortly.") {
    super(message, { extensions: { code: ErrorCode.ServiceUnavailable } });
  }
}
