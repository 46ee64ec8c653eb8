/**
 * class-validator rules on type-graphql input and argument classes, reported the way every other
 * input error is: BAD_USER_INPUT naming the argument (e.g. `input.inviteeUrns`). type-graphql
 * checks every argument (`validate: true`); formatError reports what it finds through here.
 */
import type { ValidationError as ConstraintFailure } from "class-validator";
import { getMetadataStorage, type ArgumentValidationError } from "type-graphql";
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
 * The argument path of a type-graphql ArgumentValidationError (thrown when `validate: true`
 * finds a class-validator rule broken): `input.inviteeUrns` for a field of an `@Arg("input")`
 * class, `first` for a field of an `@Args` class, whose fields are arguments themselves.
 */
export function argumentProblem(error: ArgumentValidationError): ValidationError {
  const failures = error.extensions.validationErrors;
  const target = failures[0]?.target;
  const argument = target ? argumentNameOf(target.constructor) : null;
  const problem = firstProblem(failures, argument) ?? {
    path: argument ?? "input",
    message: "is invalid",
  };
  return new ValidationError(`\`${problem.path}\`: ${problem.message}`, problem.path);
}

let argumentNames: Map<unknown, string | null> | null = null;

/**
 * The argument name an input class is taken under, from type-graphql's metadata: null for an
 * `@Args` class, or for an input class taken under more than one name.
 */
function argumentNameOf(inputClass: unknown): string | null {
  if (argumentNames === null) {
    argumentNames = new Map();
    for (const param of getMetadataStorage().params) {
      if (param.kind !== "arg") continue;
      const type = param.getType();
      if (typeof type !== "function") continue;
      const known = argumentNames.get(type);
      argumentNames.set(type, known === undefined || known === param.name ? param.name : null);
    }
  }
  return argumentNames.get(inputClass) ?? null;
}

/**
 * How a rule shared by a mutation and an import names what failed: a field of `input` for the
 * mutation (`input.endsOn`, or `input` for the whole), a column for an import row.
 */
export type ArgumentPath = (field?: string) => string;

export const inputPath: ArgumentPath = (field) =>
  field === undefined ? "input" : `input.${field}`;
