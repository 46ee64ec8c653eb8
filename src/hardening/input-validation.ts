/**
 * class-validator rules on type-graphql input and argument classes, reported the way every other
 * input error is: BAD_USER_INPUT naming the argument (e.g. `input.inviteeUrns`). Used per
 * argument (`validateFn`), so schema-wide validation stays off for classes that have no rules.
 */
import { validate, type ValidationError as ConstraintFailure } from "class-validator";
import type { ValidatorFn } from "type-graphql";
import { ValidationError } from "../errors/index.js";

interface Problem {
  path: string;
  message: string;
}

function firstProblem(failures: ConstraintFailure[], prefix: string | null): Problem | null {
  for (const failure of failures) {
    const path = prefix === null ? failure.property : `${prefix}.${failure.property}`;
    const message = Object.values(failure.constraints ?? {})[0];
    if (message !== undefined) return { path, message };
    const nested = firstProblem(failure.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/**
 * A `validateFn` for `@Arg(name, ..., { validateFn })` (pass the argument's name) or
 * `@Args(..., { validateFn })` (pass nothing: each field is an argument of its own).
 * Messages say which argument failed and how; the first failure is reported.
 */
export function validateArgument(argument: string | null = null): ValidatorFn {
  return async (value) => {
    if (value === null || typeof value !== "object") return;
    const failures = await validate(value as object, { forbidUnknownValues: false });
    const problem = firstProblem(failures, argument);
    if (problem) {
      throw new ValidationError(`\`${problem.path}\`: ${problem.message}`, problem.path);
    }
  };
}

/**
 * How a rule shared by a mutation and an import names what failed: a field of `input` for the
 * mutation (`input.endsOn`, or `input` for the whole), a column for an import row.
 */
export type ArgumentPath = (field?: string) => string;

export const inputPath: ArgumentPath = (field) =>
  field === undefined ? "input" : `input.${field}`;
