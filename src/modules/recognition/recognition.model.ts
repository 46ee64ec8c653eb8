/**
 * Recognition of support as the service sees it: plain records mapped from graph rows at the
 * repository boundary, and what the rule (recognition.rules.ts) makes of them.
 */

/** A school's KS2 reading, writing and maths series: parallel lists, years ascending. */
export interface Ks2RwmSeries {
  /** Academic years as "YYYY/YY". */
  years: string[];
  /** Percent of pupils reaching the expected standard in each year. */
  values: number[];
}

/** One SUPPORTS relationship with what the rule needs about the school supported. */
export interface RecognitionEngagement {
  id: string;
  systemLeaderId: string;
  /** The school the leader is BASED_AT, which shares its recognition; null when it has none. */
  baseUrn: number | null;
  /** The school supported. */
  urn: number;
  /** Its region: oversight of it may see which school it is. */
  regionCode: string | null;
  /** ISO dates; end null while the engagement continues. */
  start: string | null;
  end: string | null;
  needBand: number | null;
  idaciDecile: number | null;
  fsmPercent: number | null;
  /** Null until the school's KS2 series is loaded (and always for schools without KS2). */
  ks2: Ks2RwmSeries | null;
}

/** The engagements in scope, and whether the region asked for exists. */
export interface RecognitionData {
  regionKnown: boolean;
  regionName: string | null;
  engagements: RecognitionEngagement[];
}

/** Two academic years whose national mean change in KS2 RWM% the outcome factor compares with. */
export interface YearPair {
  before: string;
  after: string;
}

export const EXCLUSIONS = [
  "NO_START_DATE",
  "NOT_STARTED",
  "NEED_BAND_UNKNOWN",
  "NEED_NOT_LOW",
  "NOT_DISADVANTAGED",
  "UNDER_A_MONTH",
] as const;
/** Why an engagement earns no points. */
export type Exclusion = (typeof EXCLUSIONS)[number];

/** How an engagement's KS2 outcome compares with the national change over the same years. */
export interface OutcomeMeasure {
  beforeYear: string;
  afterYear: string;
  /** The supported school's change in RWM%, in percentage points. */
  schoolChange: number;
  /** Mean change over every school with a figure in both years. */
  nationalChange: number;
  /** schoolChange − nationalChange. */
  relativeChange: number;
}

/** One engagement as the rule scored it. */
export interface Contribution {
  engagementId: string;
  /** The school supported; null when withheld from the caller. */
  urn: number | null;
  /** The supported school's region, for deciding who may see the school. */
  regionCode: string | null;
  /**
   * True when the caller may not read the engagement: the school, its free-school-meals share,
   * its KS2 change and the dates are left out (withholdSchool); factor and points are unchanged.
   */
  schoolWithheld: boolean;
  start: string | null;
  end: string | null;
  open: boolean;
  counted: boolean;
  exclusion: Exclusion | null;
  needBand: number | null;
  idaciDecile: number | null;
  fsmPercent: number | null;
  /** Whole months of support so far (to the end date, or today while it continues). */
  months: number;
  /** The months that earn points, after the cap. */
  countedMonths: number;
  needWeight: number;
  deprivationWeight: number;
  /** Null when the outcome is not yet measurable. */
  outcome: OutcomeMeasure | null;
  /** A whole number of OUTCOME_FACTOR_STEPs, the same for every caller. */
  outcomeFactor: number;
  points: number;
  /** One plain line: how the points were reached, or why none were. */
  reason: string;
}

export interface RecognisedLeaderRecord {
  rank: number;
  systemLeaderId: string;
  baseUrn: number | null;
  points: number;
  engagementsCounted: number;
  engagementsNotCounted: number;
  /** Counted engagements by points, then the rest. */
  contributions: Contribution[];
}

export interface RecognisedSchoolRecord {
  rank: number;
  urn: number;
  points: number;
  /** Leaders based at the school whose support earned points, most points first. */
  systemLeaderIds: string[];
}

export interface RecognitionRuleRecord {
  version: number;
  description: string;
}

export interface SupportRecognitionRecord {
  rule: RecognitionRuleRecord;
  /** Null for all of England. */
  regionCode: string | null;
  leaders: RecognisedLeaderRecord[];
  schools: RecognisedSchoolRecord[];
  engagementsConsidered: number;
  engagementsCounted: number;
  /** Why the lists are empty, or what limits them; null when there is nothing to say. */
  note: string | null;
}
