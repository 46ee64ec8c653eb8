/**
 * Checks of numeric arguments, one message for each kind of mistake, naming the argument as the
 * client wrote it in the message and on the error. Absent arguments take their default before
 * they are checked (`first ?? DEFAULT`).
 */
import { ValidationError } from "../../errors/index.js";

/** `value` when it is a whole number in `min..max`. */
export function checkWholeNumber(
  value: number,
  min: number,
  max: number,
  argument: string,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      `\`${argument}\` must be a whole number from ${min} to ${max}; got ${value}.`,
      argument,
    );
  }
  return value;
}

/** `value` when it is a finite number above `min` and at most `max`. */
export function checkNumberInRange(
  value: number,
  min: number,
  max: number,
  argument: string,
): number {
  if (!Number.isFinite(value) || value <= min || value > max) {
    throw new ValidationError(
      `\`${argument}\` must be a number above ${min} and at most ${max}; got ${value}.`,
      argument,
    );
  }
  return value;
}

/** `value` when it is a finite number above zero. */
export function checkPositive(value: number, argument: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(
      `\`${argument}\` must be a number greater than 0; got ${value}.`,
      argument,
    );
  }
  return value;
}
