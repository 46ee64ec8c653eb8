/** Test data shared by the similarity tests. */

/** The intake and setting features every phase has, in column order. */
export const INTAKE_AND_SETTING_FEATURES = [
  "pupils",
  "fsmPercent",
  "ealPercent",
  "senPercent",
  "idaciScore",
  "rurality",
] as const;
