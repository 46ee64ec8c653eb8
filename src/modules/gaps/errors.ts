/**
 * Domain errors of system leaders and gaps, free of GraphQL: client-errors.ts turns them into the
 * API's coded errors. A bad argument is similarity's DomainValidationError, shared so that every
 * module names the offending argument the same way.
 */
export { DomainValidationError } from "../similarity/errors.js";

/** A key the caller gave (a system leader id, a region code) names nothing in the graph. */
export class DomainNotFoundError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
    this.name = "DomainNotFoundError";
  }
}

/** The figures a query needs have not been computed yet; the message says which command to run. */
export class DataNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataNotReadyError";
  }
}
