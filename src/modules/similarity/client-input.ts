import { ValidationError } from "../../errors/index.js";
import { DomainValidationError } from "./errors.js";
import { withApiFeatureNames } from "./feature-names.js";

/**
 * Runs domain code and reports a broken domain rule to the client as BAD_USER_INPUT naming the
 * argument as the client wrote it: `prefix` places arguments inside an input object, so the
 * domain's `first` becomes `input.first` in both the message and `extensions.argument`, and
 * features are called by their API names (`ks2MathsProgress` becomes `KS2_MATHS_PROGRESS`).
 */
export function asClientInput<T>(work: () => T, prefix = ""): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    const argument = `${prefix}${error.argument}`;
    const message = prefix
      ? error.message.replaceAll(`\`${error.argument}`, `\`${argument}`)
      : error.message;
    throw new ValidationError(withApiFeatureNames(message), argument);
  }
}
