import { GraphQLError } from "graphql";

/** Stable codes clients can switch on; messages may change, codes do not. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  Unauthenticated: "UNAUTHENTICATED",
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
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
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NotFound } });
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
