/**
 * The names clients use for features: GraphQL enum values in UPPER_SNAKE case, one per feature
 * (features.ts uses camelCase names). The API's enums are built from these, and messages from the
 * domain are rewritten with them, so a client reads back the names it sent.
 */
import type { FeatureName } from "./features.js";

export const FEATURE_API_NAMES: { readonly [F in FeatureName]: string } = {
  pupils: "PUPILS",
  fsmPercent: "FSM_PERCENT",
  ealPercent: "EAL_PERCENT",
  senPercent: "SEN_PERCENT",
  idaciScore: "IDACI_SCORE",
  rurality: "RURALITY",
  ks2PriorAttainment: "KS2_PRIOR_ATTAINMENT",
  ks2ReadingProgress: "KS2_READING_PROGRESS",
  ks2WritingProgress: "KS2_WRITING_PROGRESS",
  ks2MathsProgress: "KS2_MATHS_PROGRESS",
  ks2RwmExpected: "KS2_RWM_EXPECTED",
  ks4Progress8: "KS4_PROGRESS8",
  ks4Attainment8: "KS4_ATTAINMENT8",
  ofstedGrade: "OFSTED_GRADE",
};

const DOMAIN_NAME = new RegExp(`\\b(${Object.keys(FEATURE_API_NAMES).join("|")})\\b`, "g");

/** `text` with every feature's domain name replaced by its API name. */
export function withApiFeatureNames(text: string): string {
  return text.replace(DOMAIN_NAME, (name) => FEATURE_API_NAMES[name as FeatureName]);
}
