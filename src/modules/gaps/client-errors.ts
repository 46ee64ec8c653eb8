import { NotFoundError, UnavailableError, ValidationError } from "../../errors/index.js";
import { DataNotReadyError, DomainNotFoundError, DomainValidationError } from "./errors.js";

/**
 * Runs a service call for a resolver and reports domain errors with the API's codes: a bad
 * argument as BAD_USER_INPUT and an unknown key as NOT_FOUND, both naming the argument, and
 * figures not yet computed as SERVICE_UNAVAILABLE with the command that computes them.
 */
export async function withClientErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainValidationError) {
      throw new ValidationError(error.message, error.argument);
    }
    if (error instanceof DomainNotFoundError) {
      throw new NotFoundError(error.message, error.argument);
    }
    if (error instanceof DataNotReadyError) throw new UnavailableError(error.message);
    throw error;
  }
}
