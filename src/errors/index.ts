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

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The service's errors, one family for every layer and free of GraphQL, so a rule or repository
 * can throw them and a unit test can catch them without a schema. Each carries its stable code
 * in `extensions`, as a GraphQL error does: graphql-js copies the `extensions` of what a resolver
 * throws onto the error it reports, so these reach clients with their codes and no translation,
 * and formatError (format.ts) masks everything else.
 */
export class ServiceError extends Error {
  readonly extensions: Readonly<{ code: ErrorCodeValue } & Record<string, unknown>>;

  constructor(message: string, code: ErrorCodeValue, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extensions = { ...details, code };
  }
}

/** The caller's input breaks a rule; `argument` names it as the caller wrote it. */
export class ValidationError extends ServiceError {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message, ErrorCode.BadUserInput, argument ? { argument } : {});
  }
}

export class NotFoundError extends ServiceError {
  /** `argument` names the input that pointed at nothing, when the lookup came from one. */
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message, ErrorCode.NotFound, argument ? { argument } : {});
  }
}

/**
 * The request is well formed but the graph's current state does not allow it: an invitation
 * already answered, a membership that already exists, a leaving rule that needs a statutory
 * process. Retrying the same request will fail the same way.
 */
export class ConflictError extends ServiceError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.Conflict, details);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = "You are not allowed to do this.") {
    super(message, ErrorCode.Forbidden);
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor(message = "Sign in to do this.") {
    super(message, ErrorCode.Unauthenticated);
  }
}

/** The database cannot be reached; the request may succeed if retried later. */
export class UnavailableError extends ServiceError {
  constructor(message = "The database is unavailable; try again shortly.") {
    super(message, ErrorCode.ServiceUnavailable);
  }
}

/** The figures a query needs have not been computed yet; the message says which command to run. */
export class DataNotReadyError extends UnavailableError {}

/**
 * An error raised while a request's context is built, before any operation runs (a bearer token
 * that is malformed, forged, expired, or cannot be checked now). Apollo answers the whole request
 * with it, so it must be a GraphQL error, and its HTTP status goes with it.
 */
export class RequestError extends GraphQLError {
  constructor(message: string, code: ErrorCodeValue, status?: number) {
    super(message, { extensions: { code, ...(status ? { http: { status } } : {}) } });
  }
}

/** The token was missing parts, forged, expired or for someone else: HTTP 401. */
export class InvalidTokenError extends RequestError {
  constructor(message: string) {
    super(message, ErrorCode.Unauthenticated, 401);
  }
}

/**
 * What a command-line tool (seed, import, the local database scripts) reports as one line and
 * stops on, with no stack trace: its input or the machine is not as it expects. Nothing has been
 * written when one is thrown.
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A data file is missing, malformed or not the edition expected; the message names the file. */
export class DataFileError extends CommandError {}

/** The local database cannot be fetched, installed or started; the message says what to fix. */
export class ProvisioningError extends CommandError {}

/**
 * A graph row of the wrong shape: a statement and the repository reading it disagree. An
 * internal error, masked for clients like any other; the message names the statement and field.
 */
export class RowShapeError extends Error {
  constructor(statement: string, field: string, problem: string) {
    super(`${statement}: row field ${field}: ${problem}`);
    this.name = new.target.name;
  }
}
