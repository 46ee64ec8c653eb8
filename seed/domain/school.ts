import type { Governance, Phase } from "./classify.js";

/**
 * What more than one source says about a school: the bundle's census list and a GIAS extract both
 * carry these. They are written together, dated by `asOf`, so the newer source wins (see
 * cypher/seed/updateSchoolFacts.cypher).
 */
export interface SchoolDetails {
  name: string | null;
  laestab: number | null;
  phase: Phase | null;
  establishmentType: string | null;
  governance: Governance | null;
  stateFunded: boolean | null;
  status: string | null;
  gender: string | null;
  religiousCharacter: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  postcode: string | null;
  town: string | null;
}

/** A figure with the year it describes and the Dataset it came from. */
export interface Figure<T = number> {
  value: T;
  year: string;
  source: string;
}

export interface OfstedJudgement {
  rating: string;
  grade: number;
  /** yyyy-mm-dd, the inspection's start date. */
  date: string;
  source: string;
}

export interface SchoolFacts {
  urn: number;
  /** yyyy-mm-dd: when the source described the school (census day, GIAS extract date). */
  detailsAsOf: string;
  detailsSource: string;
  details: SchoolDetails;
  pupils: Figure | null;
  fsmPercent: Figure | null;
  ofsted: OfstedJudgement | null;
}

export interface Location {
  latitude: number;
  longitude: number;
  precision: "EXACT" | "POSTCODE_SECTOR" | "POSTCODE_DISTRICT";
  source: string;
}

/** Properties only the bundle provides; null means the school lacks the figure. */
export interface BundleProperties {
  districtCode: string | null;
  districtName: string | null;
  wardCode: string | null;
  wardName: string | null;
  constituencyCode: string | null;
  locationPrecision: Location["precision"] | null;
  locationSource: string | null;
  lsoa: string | null;
  ruralUrbanCode: string | null;
  ruralUrban: string | null;
  rural: boolean | null;
  sparse: boolean | null;
  ruralUrbanSource: string | null;
  coastal: boolean | null;
  coastDistanceKm: number | null;
  coastalDefinition: string | null;
  coastalSource: string | null;
  ealPercent: number | null;
  ealPercentYear: string | null;
  ealPercentSource: string | null;
  senPercent: number | null;
  senPercentYear: string | null;
  senPercentSource: string | null;
  senSupportPercent: number | null;
  senSupportPercentYear: string | null;
  senSupportPercentSource: string | null;
  ehcpPercent: number | null;
  ehcpPercentYear: string | null;
  ehcpPercentSource: string | null;
  imdRank: number | null;
  imdDecile: number | null;
  idaciRank: number | null;
  idaciDecile: number | null;
  idaciScore: number | null;
  incomeScore: number | null;
  deprivationYear: string | null;
  deprivationSource: string | null;
  ks2ReadingProgress: number | null;
  ks2WritingProgress: number | null;
  ks2MathsProgress: number | null;
  ks2Year: string | null;
  ks2Source: string | null;
  ks2RwmExpected: number | null;
  ks2RwmExpectedYear: string | null;
  ks2RwmExpectedSource: string | null;
  /** The whole series, own and predecessor URNs' figures, years ascending; parallel lists. */
  ks2RwmSeriesYears: string[] | null;
  ks2RwmSeriesValues: number[] | null;
  ks2RwmSeriesUrns: number[] | null;
  ks2RwmSeriesSource: string | null;
  ks4Progress8: number | null;
  ks4Attainment8: number | null;
  ks4EnglishMathsGrade5Percent: number | null;
  ks4Year: string | null;
  ks4Source: string | null;
  ks4Progress8Band: string | null;
  ks4Progress8BandYear: string | null;
  ks4Progress8BandSource: string | null;
}

/** One school as the bundle describes it, ready to write. */
export interface SchoolRecord extends SchoolFacts {
  laCode: number;
  regionCode: string | null;
  location: Location | null;
  properties: BundleProperties;
}
