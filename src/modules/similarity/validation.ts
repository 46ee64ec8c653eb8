import { ValidationError } from "../../errors/index.js";

/** The largest page of similar schools or partner suggestions one call may ask for. */
export const MAX_RESULTS = 100;

/** `value` when it is a whole number in `min..max`; a ValidationError naming `argument` otherwise. */
export function checkIntegerInRange(
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

/** `value` when it is a finite number above zero; a ValidationError naming `argument` otherwise. */
export function checkPositive(value: number, argument: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(
      `\`${argument}\` must be a number greater than 0; got ${value}.`,
      argument,
    );
  }
  return value;
}
