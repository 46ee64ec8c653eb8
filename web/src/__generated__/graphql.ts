/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A local authority, or a district within one (a unitary authority is its own single district). */
export type AreaLevel =
  | 'DISTRICT'
  | 'LOCAL_AUTHORITY';

/** Ofsted's categories of concern, both within an inadequate judgement. */
export type CategoryOfConcern =
  | 'SERIOUS_WEAKNESSES'
  | 'SPECIAL_MEASURES';

/** National, Local and Specialist Leaders of Education (NLE, LLE, SLE), National Leaders of Governance (NLG), and Teaching School Hubs. */
export type Designation =
  | 'LLE'
  | 'NLE'
  | 'NLG'
  | 'SLE'
  | 'TEACHING_SCHOOL_HUB';

/** Which areas: all, rural ones (most schools rural) or coastal ones (most schools coastal: the ONS coastal-towns flag where a school's town is classified, otherwise within 5 km of the coastline). */
export type GapKind =
  | 'ALL'
  | 'COASTAL'
  | 'RURAL';

/** GRADED (full, section 5) or UNGRADED (section 8) inspection. */
export type InspectionKind =
  | 'GRADED'
  | 'UNGRADED';

/** An outcome a school can do better or worse on. Every outcome is better when higher except OFSTED_GRADE. */
export type OutcomeFeature =
  /** KS2 maths progress score (outcome, higher is better). */
  | 'KS2_MATHS_PROGRESS'
  /** KS2 reading progress score (outcome, higher is better). */
  | 'KS2_READING_PROGRESS'
  /** Percentage reaching the expected standard in reading, writing and maths (outcome, higher is better). */
  | 'KS2_RWM_EXPECTED'
  /** KS2 writing progress score (outcome, higher is better). */
  | 'KS2_WRITING_PROGRESS'
  /** Attainment 8 (outcome, higher is better). */
  | 'KS4_ATTAINMENT8'
  /** Progress 8 (outcome, higher is better). */
  | 'KS4_PROGRESS8'
  /** Ofsted grade, 1 outstanding to 4 inadequate (outcome, lower is better). */
  | 'OFSTED_GRADE';

/** Whose figure a piece of a suggestion's evidence is. */
export type PartnerEvidenceSubject =
  /** The asking school's figure, of the newest year. */
  | 'ASKER'
  /** Median of the 50 schools of the asker's phase most alike in context that have a figure of that year. */
  | 'CONTEXT_SIMILAR_MEDIAN'
  /** Median of every school in England with a figure of that year: a partner must be at least this (Good or better for the Ofsted grade). */
  | 'ENGLAND_MEDIAN'
  /** The partner's figure on the focus, of the newest year. */
  | 'PARTNER'
  /** Lower end of the partner's Progress 8 95% confidence interval. */
  | 'PARTNER_CONFIDENCE_LOWER'
  /** Upper end of the partner's Progress 8 95% confidence interval. */
  | 'PARTNER_CONFIDENCE_UPPER';

/** A part of a partner suggestion's score; each is valued 0..1. */
export type PartnerFactor =
  /** 1 / (1 + the partner's partnership memberships): room to take on more. Weight 0.1. */
  | 'CAPACITY'
  /** 1 / (1 + d), d = distance on the CONTEXT preset (pupils, FSM, SEN). Weight 0.2. */
  | 'CONTEXT_SIMILARITY'
  /** min(1, gap / 2), gap = how far the partner's focus figure beats the asker's, in robust standard deviations of each school's own phase. Weight 0.3. */
  | 'FOCUS_STRENGTH'
  /** 1 when the asker is in no partnership and the partner is in one (a way into a network), else 0. Weight 0.1. */
  | 'NETWORK_BRIDGE'
  /** The share of the support topics sought that the partner offers (updateSchoolOffer): those the asker seeks, then those that address the focus (e.g. READING_AND_PHONICS and MATHEMATICS for KS2_RWM_EXPECTED; src/modules/matching/matching.rules.ts). Weight 0.1. */
  | 'OFFERS_WHAT_IS_SOUGHT'
  /** 1 − km / search radius. Weight 0.2. */
  | 'PROXIMITY';

/** GIAS group types, then kinds of partnership made in the service. */
export type PartnershipType =
  | 'CLUSTER'
  | 'CO_OPERATIVE_TRUST'
  | 'FEDERATION'
  | 'INDEPENDENT_STATE_SCHOOL_PARTNERSHIP'
  | 'INFORMAL_COLLABORATION'
  | 'MULTI_ACADEMY_TRUST'
  | 'SCHOOL_IMPROVEMENT_BOARD'
  | 'SINGLE_ACADEMY_TRUST'
  | 'TEACHING_SCHOOL_HUB'
  | 'TRUST'
  | 'UMBRELLA_TRUST';

/** Phase of education. */
export type Phase =
  | 'ALL_THROUGH'
  | 'ALTERNATIVE_PROVISION'
  | 'NOT_APPLICABLE'
  | 'NURSERY'
  | 'PRIMARY'
  | 'SECONDARY'
  | 'SIXTEEN_PLUS'
  | 'SPECIAL';

/** A figure schools are compared on. Context features describe intake and setting; outcome features, results. Outcomes apply only to phases that sit the assessment (KS2 for primary, KS4 for secondary). */
export type SimilarityFeature =
  /** Percentage with English as an additional language (context). */
  | 'EAL_PERCENT'
  /** Percentage eligible for free school meals (context). */
  | 'FSM_PERCENT'
  /** IDACI score of the school's LSOA, 0..1 (context). */
  | 'IDACI_SCORE'
  /** KS2 maths progress score (outcome, higher is better). */
  | 'KS2_MATHS_PROGRESS'
  /** Average KS2 scaled score of the school's KS4 cohort, 2023/24 KS4 school information (context: the intake's prior attainment; secondary and all-through schools). */
  | 'KS2_PRIOR_ATTAINMENT'
  /** KS2 reading progress score (outcome, higher is better). */
  | 'KS2_READING_PROGRESS'
  /** Percentage reaching the expected standard in reading, writing and maths (outcome, higher is better). */
  | 'KS2_RWM_EXPECTED'
  /** KS2 writing progress score (outcome, higher is better). */
  | 'KS2_WRITING_PROGRESS'
  /** Attainment 8 (outcome, higher is better). */
  | 'KS4_ATTAINMENT8'
  /** Progress 8 (outcome, higher is better). */
  | 'KS4_PROGRESS8'
  /** Ofsted grade, 1 outstanding to 4 inadequate (outcome, lower is better). */
  | 'OFSTED_GRADE'
  /** Pupils on roll (context). */
  | 'PUPILS'
  /** Rurality from 0 (major conurbation) to 1 (sparse village and dispersed), from the ONS 2011 rural-urban class (context). */
  | 'RURALITY'
  /** Percentage with special educational needs (context). */
  | 'SEN_PERCENT';

/** What a system leader helps with; also how a school's areas of need are named (see `SchoolNeed.areas`). */
export type Specialism =
  | 'BEHAVIOUR'
  | 'CURRICULUM'
  | 'DISADVANTAGED_PUPILS'
  | 'EARLY_YEARS'
  | 'ENGLISH'
  | 'GOVERNANCE'
  | 'LEADERSHIP'
  | 'MATHEMATICS'
  | 'SCIENCE'
  | 'SEND'
  | 'TEACHER_DEVELOPMENT';

/** Which support counts: REAL (the 87 Teaching School Hubs by the areas they serve, real designations and support within a school's own trust; never a synthetic designation) or MODELLED (REAL plus the synthetic NLE/LLE/SLE/NLG designations, a what-if). See src/modules/gaps/supply.rules.ts. */
export type SupplyMode =
  /** Real supply plus the synthetic designations, as a what-if. */
  | 'MODELLED'
  /** Only what is real; no synthetic designation counts. */
  | 'REAL';

/** A factor of a support candidate's score: NEED × FIT × REACH. */
export type SupportFactor =
  | 'FIT'
  | 'NEED'
  | 'REACH';

export type FindSchoolsQueryVariables = Exact<{
  text: string;
}>;


export type FindSchoolsQuery = { searchSchools: Array<{ matchedOn: Array<string>, school: { urn: number, name: string, town: string | null, postcode: string | null, phase: Phase | null, localAuthority: { name: string } | null } }> };

export type PartnerSuggestionsQueryVariables = Exact<{
  urn: number;
}>;


export type PartnerSuggestionsQuery = { partnerSuggestions: Array<{ urn: number, name: string, distanceKm: number, score: number, focus: OutcomeFeature, focusValue: number, focusYear: string | null, needBand: number | null, trust: { name: string } | null, reasons: Array<{ factor: PartnerFactor, contribution: number }>, evidence: Array<{ about: PartnerEvidenceSubject, value: number, year: string | null }> }> };

export type SchoolPageQueryVariables = Exact<{
  urn: number;
}>;


export type SchoolPageQuery = { school: { urn: number, name: string, phase: Phase | null, establishmentType: string | null, status: string | null, town: string | null, postcode: string | null, statutoryLowAge: number | null, statutoryHighAge: number | null, rural: boolean | null, coastal: boolean | null, detailsAsOf: string | null, giasUrl: string, ofstedReportsUrl: string, detailsSource: { title: string } | null, localAuthority: { name: string } | null, region: { name: string } | null, pupils: { value: number, year: string, source: { title: string } } | null, fsmPercent: { value: number, year: string, source: { title: string } } | null, senPercent: { value: number, year: string, source: { title: string } } | null, ealPercent: { value: number, year: string, source: { title: string } } | null, ofsted: { rating: string | null, grade: number | null, overall: number | null, inspectedOn: string | null, inspectionType: string | null, qualityOfEducation: number | null, behaviourAndAttitudes: number | null, personalDevelopment: number | null, leadershipAndManagement: number | null, safeguardingEffective: boolean | null, categoryOfConcern: CategoryOfConcern | null, source: { title: string } } | null, ofstedHistory: Array<{ id: string, kind: InspectionKind, inspectedOn: string, type: string | null, outcome: string | null, overall: number | null, categoryOfConcern: CategoryOfConcern | null, urnAtInspection: number | null, source: { title: string } }>, need: { band: number, reasons: Array<{ code: string, detail: string }> } | null, memberships: Array<{ joinedOn: string | null, partnership: { id: string, name: string, type: PartnershipType | null, memberCount: number } }> } | null };

export type FigureFragment = { value: number, year: string, source: { title: string } };

export type SimilarSchoolsQueryVariables = Exact<{
  urn: number;
}>;


export type SimilarSchoolsQuery = { similarSchools: Array<{ urn: number, name: string, distance: number, contributions: Array<{ feature: SimilarityFeature, contribution: number }> }> };

export type SupportGapsQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  level?: AreaLevel | null | undefined;
  kind?: GapKind | null | undefined;
  supply?: SupplyMode | null | undefined;
}>;


export type SupportGapsQuery = { supportGaps: Array<{ gapIndex: number, totalSchools: number, needSchools: number, needPupils: number, unmetNeed: number, supply: number, coverage: number, partnershipRate: number, leadersWithinReach: number, hubsWithinReach: number, rural: boolean, coastal: boolean, area: { code: string, name: string, level: AreaLevel }, localAuthority: { name: string } | null, explanations: Array<{ figure: string, text: string }>, schools: Array<{ urn: number, name: string, town: string | null, need: { band: number } | null }> }> };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ code: string, name: string }> };

export type SystemLeadersQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  designation?: Designation | null | undefined;
  after?: string | null | undefined;
}>;


export type SystemLeadersQuery = { systemLeaders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, designation: Designation, synthetic: boolean, availableCapacity: number, capacity: number, localAuthority: { name: string } | null, baseSchool: { urn: number, name: string } | null } }> } };

export type LeaderPageQueryVariables = Exact<{
  id: string | number;
}>;


export type LeaderPageQuery = { systemLeader: { id: string, name: string, designation: Designation, synthetic: boolean, capacity: number, availableCapacity: number, openEngagements: number, reachKm: number, specialisms: Array<Specialism>, phase: Phase | null, generator: { name: string, seed: number, version: number } | null, holder: { name: string } | null, localAuthority: { name: string } | null, region: { code: string, name: string } | null, baseSchool: { urn: number, name: string } | null, source: { title: string } } | null };

export type SchoolsToSupportQueryVariables = Exact<{
  id: string | number;
  supply: SupplyMode;
}>;


export type SchoolsToSupportQuery = { schoolsToSupport: Array<{ urn: number, name: string | null, needBand: number, distanceKm: number, fitsWeakestArea: boolean, score: number, reasons: Array<{ factor: SupportFactor, detail: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FigureFragmentDoc = new TypedDocumentString(`
    fragment Figure on Measure {
  value
  year
  source {
    title
  }
}
    `, {"fragmentName":"Figure"}) as unknown as TypedDocumentString<FigureFragment, unknown>;
export const FindSchoolsDocument = new TypedDocumentString(`
    query FindSchools($text: String!) {
  searchSchools(text: $text, first: 10) {
    matchedOn
    school {
      urn
      name
      town
      postcode
      phase
      localAuthority {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindSchoolsQuery, FindSchoolsQueryVariables>;
export const PartnerSuggestionsDocument = new TypedDocumentString(`
    query PartnerSuggestions($urn: Int!) {
  partnerSuggestions(urn: $urn) {
    urn
    name
    distanceKm
    score
    focus
    focusValue
    focusYear
    needBand
    trust {
      name
    }
    reasons {
      factor
      contribution
    }
    evidence {
      about
      value
      year
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerSuggestionsQuery, PartnerSuggestionsQueryVariables>;
export const SchoolPageDocument = new TypedDocumentString(`
    query SchoolPage($urn: Int!) {
  school(urn: $urn) {
    urn
    name
    phase
    establishmentType
    status
    town
    postcode
    statutoryLowAge
    statutoryHighAge
    rural
    coastal
    detailsAsOf
    detailsSource {
      title
    }
    localAuthority {
      name
    }
    region {
      name
    }
    pupils {
      ...Figure
    }
    fsmPercent {
      ...Figure
    }
    senPercent {
      ...Figure
    }
    ealPercent {
      ...Figure
    }
    ofsted {
      rating
      grade
      overall
      inspectedOn
      inspectionType
      qualityOfEducation
      behaviourAndAttitudes
      personalDevelopment
      leadershipAndManagement
      safeguardingEffective
      categoryOfConcern
      source {
        title
      }
    }
    ofstedHistory {
      id
      kind
      inspectedOn
      type
      outcome
      overall
      categoryOfConcern
      urnAtInspection
      source {
        title
      }
    }
    need {
      band
      reasons {
        code
        detail
      }
    }
    memberships {
      joinedOn
      partnership {
        id
        name
        type
        memberCount
      }
    }
    giasUrl
    ofstedReportsUrl
  }
}
    fragment Figure on Measure {
  value
  year
  source {
    title
  }
}`) as unknown as TypedDocumentString<SchoolPageQuery, SchoolPageQueryVariables>;
export const SimilarSchoolsDocument = new TypedDocumentString(`
    query SimilarSchools($urn: Int!) {
  similarSchools(urn: $urn, first: 10) {
    urn
    name
    distance
    contributions {
      feature
      contribution
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarSchoolsQuery, SimilarSchoolsQueryVariables>;
export const SupportGapsDocument = new TypedDocumentString(`
    query SupportGaps($regionCode: String, $level: AreaLevel, $kind: GapKind, $supply: SupplyMode) {
  supportGaps(
    regionCode: $regionCode
    level: $level
    kind: $kind
    supply: $supply
    first: 50
  ) {
    area {
      code
      name
      level
    }
    localAuthority {
      name
    }
    gapIndex
    totalSchools
    needSchools
    needPupils
    unmetNeed
    supply
    coverage
    partnershipRate
    leadersWithinReach
    hubsWithinReach
    rural
    coastal
    explanations {
      figure
      text
    }
    schools(first: 10) {
      urn
      name
      town
      need {
        band
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SupportGapsQuery, SupportGapsQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions {
  regions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const SystemLeadersDocument = new TypedDocumentString(`
    query SystemLeaders($regionCode: String, $designation: Designation, $after: String) {
  systemLeaders(
    regionCode: $regionCode
    designation: $designation
    first: 50
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        designation
        synthetic
        availableCapacity
        capacity
        localAuthority {
          name
        }
        baseSchool {
          urn
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SystemLeadersQuery, SystemLeadersQueryVariables>;
export const LeaderPageDocument = new TypedDocumentString(`
    query LeaderPage($id: ID!) {
  systemLeader(id: $id) {
    id
    name
    designation
    synthetic
    generator {
      name
      seed
      version
    }
    holder {
      name
    }
    capacity
    availableCapacity
    openEngagements
    reachKm
    specialisms
    phase
    localAuthority {
      name
    }
    region {
      code
      name
    }
    baseSchool {
      urn
      name
    }
    source {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<LeaderPageQuery, LeaderPageQueryVariables>;
export const SchoolsToSupportDocument = new TypedDocumentString(`
    query SchoolsToSupport($id: ID!, $supply: SupplyMode!) {
  schoolsToSupport(systemLeaderId: $id, first: 20, supply: $supply) {
    urn
    name
    needBand
    distanceKm
    fitsWeakestArea
    score
    reasons {
      factor
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolsToSupportQuery, SchoolsToSupportQueryVariables>;