import type { PartnershipRecord, PartnershipType } from "../partnerships/partnership.model.js";

export const IMPACT_MEASURES = ["KS2_RWM_EXPECTED", "KS4_PROGRESS_8"] as const;
export type ImpactMeasure = (typeof IMPACT_MEASURES)[number];

/**
 * Whom members are compared with. FAMILY: the member's family of similar schools (formed partly
 * on outcomes). CONTEXT_NEIGHBOURS: its nearest schools of the same phase on context alone.
 */
export const COMPARISON_BASES = ["FAMILY", "CONTEXT_NEIGHBOURS"] as const;
export type ComparisonBasis = (typeof COMPARISON_BASES)[number];

export const IMPACT_VERDICTS = [
  "ANSWERED",
  "TOO_FEW_SCHOOLS",
  "ONE_YEAR_ONLY",
  "NO_JOIN_DATES",
  "NO_YEARS_BEFORE_JOINING",
  "NO_YEARS_AFTER_JOINING",
  "NO_COMPARISON_SCHOOLS",
  "NO_DATA",
] as const;
export type ImpactVerdict = (typeof IMPACT_VERDICTS)[number];

/** One school as the evaluation needs it: its family and its figures by academic year. */
export interface ImpactSchool {
  urn: number;
  regionCode: string | null;
  /** Family in the current FamilyRun; null when the run left the school out. */
  familyId: string | null;
  series: Readonly<Record<ImpactMeasure, ReadonlyMap<string, number>>>;
}

export interface ImpactMembership {
  urn: number;
  partnershipId: string;
  /** yyyy-mm-dd, or null when the source records none. */
  joinedOn: string | null;
  /**
   * The school's notice has run out: it is no longer a member, but it was, so it is no fair
   * comparison for the partnership (or its type) either.
   */
  ended: boolean;
}

export interface ImpactPartnership {
  id: string;
  type: PartnershipType | null;
}

/** What decides whether the snapshot is still current. */
/** The families run an evaluation snapshot was read under. */
export interface ImpactDataVersion {
  familyVersion: number | null;
}

export interface ImpactSnapshot {
  version: ImpactDataVersion;
  schools: ImpactSchool[];
  memberships: ImpactMembership[];
  partnerships: ImpactPartnership[];
  regionCodes: string[];
  /** School properties the current family run matched schools on. */
  familyFeatures: string[];
}

/** Mean, spread and 95% interval of a set of differences. */
export interface Summary {
  n: number;
  mean: number | null;
  standardDeviation: number | null;
  standardError: number | null;
  confidenceLow: number | null;
  confidenceHigh: number | null;
  /** Mean over the national standard deviation of the measure. */
  effectSize: number | null;
}

export interface YearImpact extends Summary {
  year: string;
  /** Members with a figure that year. */
  membersWithValue: number;
  /** Distinct comparison schools with a figure that year. */
  comparisonSchools: number;
  /** Mean of the members counted in n. */
  memberMean: number | null;
  /** Mean over the members counted in n of their comparison schools' mean. */
  comparisonMean: number | null;
  /** Spread of the measure that year across every school with a figure. */
  nationalStandardDeviation: number | null;
  verdict: ImpactVerdict;
}

export interface BeforeAfterImpact extends Summary {
  verdict: ImpactVerdict;
  explanation: string;
  membersWithJoinDate: number;
  membersWithYearsBefore: number;
  membersWithYearsAfter: number;
  /** Mean over the n schools of their mean gap before and after joining. */
  meanGapBefore: number | null;
  meanGapAfter: number | null;
  /** Mean of the yearly national standard deviations the effect size is divided by. */
  nationalStandardDeviation: number | null;
}

export interface MeasureImpact {
  measure: ImpactMeasure;
  unit: string;
  /** Of the year-by-year comparison. */
  verdict: ImpactVerdict;
  explanation: string;
  years: YearImpact[];
  beforeAfter: BeforeAfterImpact;
}

export interface GroupImpact {
  comparison: ComparisonBasis;
  /** Comparison schools per member on the CONTEXT_NEIGHBOURS basis; null for FAMILY. */
  neighboursPerMember: number | null;
  /** Member schools, whether or not they have figures. */
  members: number;
  /** Members in a family of the current run. */
  membersInFamilies: number;
  /** Members with a figure and comparison schools on the basis used. */
  membersWithComparisonSchools: number;
  familyVersion: number | null;
  measures: MeasureImpact[];
  caveats: string[];
}

export interface PartnershipImpactRecord extends GroupImpact {
  partnership: PartnershipRecord;
}

export interface PartnershipTypeImpactRecord extends GroupImpact {
  type: PartnershipType;
  regionCode: string | null;
  partnerships: number;
}
