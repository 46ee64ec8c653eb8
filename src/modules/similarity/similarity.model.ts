/**
 * What similarity and matching know about a school: plain figures, as a repository will map them
 * from the graph. A figure the school lacks is null, never zero (see cypher/README.md).
 */
import type { Phase } from "../schools/school.model.js";

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface SchoolProfile {
  urn: number;
  /** Kept so a result can be shown without another read of the graph. */
  name: string;
  /** Schools without a phase cannot be compared within a phase and are left out of the index. */
  phase: Phase | null;
  regionCode: string | null;
  laCode: number | null;
  location: GeoPoint | null;
  /** ONS 2011 rural-urban class of the school's LSOA, A1..E2. */
  ruralUrbanCode: string | null;
  rural: boolean | null;
  sparse: boolean | null;

  pupils: number | null;
  fsmPercent: number | null;
  ealPercent: number | null;
  senPercent: number | null;
  idaciScore: number | null;
  /** The KS4 cohort's average KS2 scaled score (secondaries): the intake's prior attainment. */
  ks2PriorAttainment: number | null;

  ks2ReadingProgress: number | null;
  ks2WritingProgress: number | null;
  ks2MathsProgress: number | null;
  ks2RwmExpected: number | null;
  ks4Progress8: number | null;
  ks4Attainment8: number | null;
  /** 1 (outstanding) .. 4 (inadequate): lower is better. */
  ofstedGrade: number | null;

  /** Ids of the partnerships the school belongs to (trusts, federations, clusters ...). */
  partnershipIds: readonly string[];
}
