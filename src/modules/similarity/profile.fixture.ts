/** Test data: a school profile with every figure missing unless the test sets it. */
import type { SchoolProfile } from "./similarity.model.js";

export function profile(
  overrides: Partial<SchoolProfile> & Pick<SchoolProfile, "urn">,
): SchoolProfile {
  return {
    name: `School ${overrides.urn}`,
    phase: "PRIMARY",
    regionCode: null,
    laCode: null,
    location: null,
    ruralUrbanCode: null,
    rural: null,
    sparse: null,
    pupils: null,
    fsmPercent: null,
    ealPercent: null,
    senPercent: null,
    idaciScore: null,
    ks2PriorAttainment: null,
    ks2ReadingProgress: null,
    ks2WritingProgress: null,
    ks2MathsProgress: null,
    ks2RwmExpected: null,
    ks4Progress8: null,
    ks4Attainment8: null,
    ofstedGrade: null,
    partnershipIds: [],
    ...overrides,
  };
}
