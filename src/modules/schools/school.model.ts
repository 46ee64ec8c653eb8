/**
 * Schools as the service sees them: plain objects mapped from graph rows at the repository
 * boundary. Groups of figures share one year and one source, so each group is one object.
 */
import type { MembersSlice, MembershipRecord } from "../partnerships/partnership.model.js";
import type { DatasetId } from "../datasets/dataset.model.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import type { SupportTopic } from "../offers/offer.model.js";

export const PHASES = [
  "NURSERY",
  "PRIMARY",
  "SECONDARY",
  "ALL_THROUGH",
  "SPECIAL",
  "ALTERNATIVE_PROVISION",
  "SIXTEEN_PLUS",
  "NOT_APPLICABLE",
] as const;
export type Phase = (typeof PHASES)[number];

export const GOVERNANCES = [
  "MAINTAINED",
  "ACADEMY_CONVERTER",
  "ACADEMY_SPONSOR_LED",
  "FREE_SCHOOL",
  "INDEPENDENT",
  "NON_MAINTAINED_SPECIAL",
  "OTHER",
] as const;
export type Governance = (typeof GOVERNANCES)[number];

export const LOCATION_PRECISIONS = ["EXACT", "POSTCODE_SECTOR", "POSTCODE_DISTRICT"] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** The dataset a figure came from; null only when the importer failed to record it. */
export interface SourcedValue {
  sourceId: DatasetId | null;
}

/** A named area by its ONS code (district, ward). */
export interface Area {
  code: string;
  name: string | null;
}

/** One figure with the year it describes and where it came from. */
export interface Measure extends SourcedValue {
  value: number;
  year: string;
}

export interface SchoolLocation extends SourcedValue {
  latitude: number;
  longitude: number;
  precision: LocationPrecision | null;
}

export interface RuralUrban extends SourcedValue {
  /** ONS 2011 rural-urban class, A1..E2. */
  code: string;
  name: string | null;
}

export const GRADE_BASES = ["OVERALL_EFFECTIVENESS", "LOWEST_KEY_JUDGEMENT"] as const;
export type GradeBasis = (typeof GRADE_BASES)[number];

export const CATEGORIES_OF_CONCERN = ["SPECIAL_MEASURES", "SERIOUS_WEAKNESSES"] as const;
export type CategoryOfConcern = (typeof CATEGORIES_OF_CONCERN)[number];

/** Ofsted's key judgements, 1 (outstanding) .. 4 (inadequate); null where not judged. */
export interface KeyJudgements {
  /** Overall effectiveness; null for graded inspections from September 2024, which give none. */
  overall: number | null;
  qualityOfEducation: number | null;
  behaviourAndAttitudes: number | null;
  personalDevelopment: number | null;
  leadershipAndManagement: number | null;
  earlyYears: number | null;
  sixthForm: number | null;
  safeguardingEffective: boolean | null;
  categoryOfConcern: CategoryOfConcern | null;
}

/** The latest graded inspection. */
export interface Ofsted extends SourcedValue, KeyJudgements {
  rating: string | null;
  /** 1 (outstanding) .. 4 (inadequate): overall effectiveness, or the lowest key judgement. */
  grade: number | null;
  gradeBasis: GradeBasis | null;
  inspectedOn: string | null;
  inspectionType: string | null;
  /** The URN inspected, when it was a predecessor's. */
  urnAtInspection: number | null;
}

export const INSPECTION_KINDS = ["GRADED", "UNGRADED"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** One inspection in a school's history. */
export interface InspectionRecord extends SourcedValue, KeyJudgements {
  id: string;
  kind: InspectionKind;
  inspectedOn: string;
  publishedOn: string | null;
  type: string | null;
  /** An ungraded inspection's outcome, e.g. "School remains Good". */
  outcome: string | null;
  urnAtInspection: number | null;
}

/** One year of a school's KS2 results (its predecessors' years included). */
export interface Ks2Year extends SourcedValue {
  year: string;
  rwmExpected: number;
  /** Pupils eligible for the tests that year. */
  cohort: number | null;
  disadvantagedRwmExpected: number | null;
  /** The URN the figure was published under (a predecessor's before conversion). */
  urn: number;
}

export interface SchoolContact extends SourcedValue {
  address: string | null;
  phone: string | null;
}

/** The properties of a school's deprivation figures, one group (the seed copies them together). */
export const DEPRIVATION_PROPERTIES = [
  "lsoa",
  "imdRank",
  "imdDecile",
  "idaciRank",
  "idaciDecile",
  "idaciScore",
  "incomeScore",
  "deprivationYear",
  "deprivationSource",
] as const;

export interface Deprivation extends SourcedValue {
  lsoa: string | null;
  imdRank: number | null;
  imdDecile: number | null;
  idaciRank: number | null;
  idaciDecile: number | null;
  idaciScore: number | null;
  incomeScore: number | null;
  year: string;
}

export interface Ks2Progress extends SourcedValue {
  year: string;
  readingProgress: number | null;
  writingProgress: number | null;
  mathsProgress: number | null;
}

export interface Ks2Attainment extends SourcedValue {
  year: string;
  /** Percentage of pupils reaching the expected standard in reading, writing and maths. */
  rwmExpected: number;
}

export interface Ks4Results extends SourcedValue {
  year: string;
  progress8: number | null;
  /** The 95% confidence interval of Progress 8 (2023/24 only). */
  progress8Lower: number | null;
  progress8Upper: number | null;
  attainment8: number | null;
  englishMathsGrade5Percent: number | null;
  /** Pupils at the end of key stage 4 (2023/24 only). */
  pupils: number | null;
}

export interface Ks4Progress8Band extends SourcedValue {
  year: string;
  band: string;
}

/**
 * Schools as a statement read them, with what the operation asked for alongside (see
 * SchoolSelection): the LAs and regions they are in, each school's memberships by URN, and a
 * first page of members of each partnership those name, by partnership id.
 */
export interface SchoolReads {
  schools: SchoolRecord[];
  localAuthorities: LocalAuthorityRecord[];
  regions: RegionRecord[];
  memberships: Map<number, MembershipRecord[]>;
  firstMembers: Map<string, MembersSlice>;
}

export interface SchoolRecord {
  urn: number;
  name: string;
  laestab: number | null;
  /** As GIAS records it, e.g. Open. */
  status: string | null;
  /** Date and dataset of the descriptive facts (name, phase, type ...): the newest source wins. */
  detailsAsOf: string | null;
  detailsSourceId: DatasetId | null;
  phase: Phase | null;
  establishmentType: string | null;
  stateFunded: boolean | null;
  governance: Governance | null;
  gender: string | null;
  religiousCharacter: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;

  laCode: number | null;
  regionCode: string | null;
  district: Area | null;
  ward: Area | null;
  constituencyCode: string | null;
  postcode: string | null;
  town: string | null;
  location: SchoolLocation | null;
  lsoa: string | null;
  ruralUrban: RuralUrban | null;
  rural: boolean | null;
  sparse: boolean | null;
  coastal: boolean | null;
  coastDistanceKm: number | null;
  coastalDefinition: string | null;
  coastalSourceId: DatasetId | null;

  pupils: Measure | null;
  fsmPercent: Measure | null;
  ealPercent: Measure | null;
  senPercent: Measure | null;
  senSupportPercent: Measure | null;
  ehcpPercent: Measure | null;
  ofsted: Ofsted | null;
  deprivation: Deprivation | null;
  ks2: Ks2Progress | null;
  ks2Attainment: Ks2Attainment | null;
  ks4: Ks4Results | null;
  ks4Progress8Band: Ks4Progress8Band | null;
  /** Every KS4 year held, oldest first. */
  ks4History: Ks4Results[];
  /** Every KS2 year held, its predecessors' included, oldest first. */
  ks2History: Ks2Year[];
  /** Opened since the January 2023 census. */
  newSinceCensus: boolean;
  openedOn: string | null;
  /** The predecessor whose census figures it carries, having none of its own. */
  contextFromUrn: number | null;
  contact: SchoolContact | null;

  /** What the school says it can offer other schools and what it seeks (updateSchoolOffer). */
  offers: SupportTopic[];
  seeks: SupportTopic[];
  offerUpdatedAt: string | null;
  /** Set when the offers and seeks were recorded for a predecessor and carried over when it closed. */
  offersFromUrn: number | null;
}

/** A predecessor or successor establishment, open or closed. */
export interface EstablishmentLink {
  urn: number;
  name: string | null;
  /** True when the establishment is an open school in the graph. */
  open: boolean;
  reason: string | null;
  on: string | null;
}

export interface SchoolLinks {
  predecessors: EstablishmentLink[];
  successors: EstablishmentLink[];
}

/** What a client may filter schools by; every field is optional and they combine with AND. */
export interface SchoolFilter {
  localAuthorityCode?: number | null;
  regionCode?: string | null;
  phase?: Phase | null;
  stateFunded?: boolean | null;
  rural?: boolean | null;
  coastal?: boolean | null;
  nameContains?: string | null;
}
