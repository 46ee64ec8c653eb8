/** Test helpers: what a call throws. */
import { ValidationError } from "./index.js";

/** The error `action` throws; fails when it throws none. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/**
 * The argument named by the ValidationError `action` throws; undefined when it throws none.
 * Any other error is thrown on.
 */
export function argumentOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.argument;
    throw error;
  }
  return undefined;
}
