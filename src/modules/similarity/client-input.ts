import { ValidationError } from "../../errors/index.js";
import { withApiFeatureNames } from "./feature-names.js";

/**
 * Runs similarity code and names a broken rule's argument as the client wrote it: `prefix`
 * places arguments inside an input object, so the code's `first` becomes `input.first` in both
 * the message and `extensions.argument`, and features are called by their API names
 * (`ks2MathsProgress` becomes `KS2_MATHS_PROGRESS`).
 */
export function asClientInput<T>(work: () => T, prefix = ""): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    if (error.argument === undefined) {
      throw new ValidationError(withApiFeatureNames(error.message));
    }
    const argument = `${prefix}${error.argument}`;
    const message = prefix
      ? error.message.replaceAll(`\`${error.argument}`, `\`${argument}`)
      : error.message;
    throw new ValidationError(withApiFeatureNames(message), argument);
  }
}
