import type {
  CategoryOfConcern,
  Deprivation,
  GradeBasis,
  SourcedValue,
} from "../../src/modules/schools/school.model.js";
import type { InspectionRecord } from "../sources/ofsted2025.js";
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
  /** The headline grade rules read: overall effectiveness, or the lowest key judgement. */
  grade: number;
  /** yyyy-mm-dd, the inspection's start date. */
  date: string;
  source: string;
  /** The rest only the 2025 Ofsted file gives. */
  gradeBasis?: GradeBasis;
  /** Overall effectiveness; null when not judged (graded inspections from September 2024). */
  overall?: number | null;
  qualityOfEducation?: number | null;
  behaviourAndAttitudes?: number | null;
  personalDevelopment?: number | null;
  leadershipAndManagement?: number | null;
  earlyYears?: number | null;
  sixthForm?: number | null;
  safeguardingEffective?: boolean | null;
  categoryOfConcern?: CategoryOfConcern | null;
  inspectionType?: string | null;
  inspectionId?: string | null;
  urnAtInspection?: number | null;
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

/**
 * Properties only the bundle provides; null means the school lacks the figure. The deprivation
 * figures (LSOA, IMD, IDACI, income) are those the API reads, with their year and source here.
 */
export interface BundleProperties extends Omit<Deprivation, "year" | keyof SourcedValue> {
  districtCode: string | null;
  districtName: string | null;
  wardCode: string | null;
  wardName: string | null;
  constituencyCode: string | null;
  locationPrecision: Location["precision"] | null;
  locationSource: string | null;
  ruralUrbanCode: string | null;
  ruralUrban: string | null;
  rural: boolean | null;
  sparse: boolean | null;
  ruralUrbanSource: string | null;
  coastal: boolean | null;
  coastDistanceKm: number | null;
  coastalDefinition: string | null;
  coastalSource: string | null;
  /** ONS_TOWN when the ONS towns file classifies the school's town, DISTANCE otherwise. */
  coastalBasis: "ONS_TOWN" | "DISTANCE" | null;
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
  /** The KS4 cohort's average KS2 scaled score: a secondary's intake prior attainment. */
  ks2PriorAttainment: number | null;
  ks2PriorAttainmentYear: string | null;
  ks2PriorAttainmentSource: string | null;
  /** KS2 series extras, parallel to ks2RwmSeriesYears; NaN where a year has no figure. */
  ks2RwmSeriesCohorts: number[] | null;
  ks2RwmSeriesDisadvantaged: number[] | null;
  /** The 2023/24 Progress 8 confidence interval and cohort; null for 2018/19 figures. */
  ks4Progress8Lower: number | null;
  ks4Progress8Upper: number | null;
  ks4Pupils: number | null;
  /** Every KS4 year held, ascending, parallel lists; NaN where a year has no figure. */
  ks4SeriesYears: string[] | null;
  ks4SeriesSources: string[] | null;
  ks4SeriesProgress8: number[] | null;
  ks4SeriesAttainment8: number[] | null;
  ks4SeriesGrade5: number[] | null;
  /** Open or closed as at the 2025 sources. */
  openedOn: string | null;
  openedOnSource: string | null;
  /** The date of the source that no longer lists the school, when it has closed. */
  closedBy: string | null;
  closedSource: string | null;
  /** Opened since the January 2023 census. */
  newSinceCensus: boolean;
  /** The predecessor whose census figures a new school carries, when it has none of its own. */
  contextFromUrn: number | null;
  address: string | null;
  phone: string | null;
  contactSource: string | null;
}

/** One school as the bundle describes it, ready to write. */
export interface SchoolRecord extends SchoolFacts {
  /** False for a census school no 2025 source lists: it has closed. */
  open?: boolean;
  /** Inspections from every source, newest first. */
  inspections?: InspectionRecord[];
  laCode: number;
  regionCode: string | null;
  location: Location | null;
  properties: BundleProperties;
}
