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

/** Whom each member school is compared with; the group's own schools never count. */
export type ComparisonBasis =
  /** The member's 20 nearest schools of the same phase on context alone (FSM, EAL, SEN, IDACI at weight 1, pupils at 0.5), with no outcome figure, so matching cannot pull gaps towards zero. */
  | 'CONTEXT_NEIGHBOURS'
  /** The member's family of similar schools in the current run. Families are formed partly on outcomes (latest KS2, 2018/19 progress and Attainment 8), which pulls gaps in those years towards zero. */
  | 'FAMILY';

/** National, Local and Specialist Leaders of Education (NLE, LLE, SLE), National Leaders of Governance (NLG), and Teaching School Hubs. */
export type Designation =
  | 'LLE'
  | 'NLE'
  | 'NLG'
  | 'SLE'
  | 'TEACHING_SCHOOL_HUB';

/** Whether a kind of school can join: directly, once converted to an academy, or not. */
export type Eligibility =
  | 'AFTER_CONVERSION'
  | 'ELIGIBLE'
  | 'NOT_ELIGIBLE';

/** The programme a school improvement grant came from; OTHER with a fundName for any other. */
export type Fund =
  | 'COLLABORATION_RESEARCH'
  | 'INDEPENDENT_STATE_SCHOOL_PARTNERSHIP_SEEDCORN'
  | 'OTHER'
  | 'PRIMARY_CHAINS_GRANT'
  | 'STRATEGIC_SCHOOL_IMPROVEMENT_FUND';

/** Which areas: all, rural ones (most schools rural) or coastal ones (most schools coastal: the ONS coastal-towns flag where a school's town is classified, otherwise within 5 km of the coastline). */
export type GapKind =
  | 'ALL'
  | 'COASTAL'
  | 'RURAL';

/** A threshold of the gap detector that gapSensitivity moves. */
export type GapParameter =
  | 'AREA_SHARE'
  | 'COAST_DISTANCE_KM'
  | 'LEADER_CAPACITY'
  | 'PARTNERSHIP_CREDIT'
  | 'REACH_KM';

/** KS2_RWM_EXPECTED: % of pupils reaching the expected standard in reading, writing and maths (2015/16-2018/19, 2022/23-2024/25). KS4_PROGRESS_8: Progress 8 (2018/19 only). */
export type ImpactMeasure =
  | 'KS2_RWM_EXPECTED'
  | 'KS4_PROGRESS_8';

/** Whether the data can answer, and if not, why not. */
export type ImpactVerdict =
  /** At least 5 schools could be compared. */
  | 'ANSWERED'
  /** Members have figures but no similar school outside the group has one. */
  | 'NO_COMPARISON_SCHOOLS'
  /** No member has a figure. */
  | 'NO_DATA'
  /** No comparable member has a recorded joining date. */
  | 'NO_JOIN_DATES'
  /** No member has a figure from after it joined. */
  | 'NO_YEARS_AFTER_JOINING'
  /** No member has a figure from before it joined. */
  | 'NO_YEARS_BEFORE_JOINING'
  /** The measure has one year, so no before and after. */
  | 'ONE_YEAR_ONLY'
  /** Fewer than 5 schools could be compared; n is still given. */
  | 'TOO_FEW_SCHOOLS';

/** What a council's CSV file holds: advisers (registerAdviser), adviser assignments (assignAdviser), grants (recordGrant) or support engagements (recordSupportEngagement). docs/imports.md gives each layout. */
export type ImportKind =
  | 'ADVISERS'
  | 'ADVISER_ASSIGNMENTS'
  | 'GRANTS'
  | 'SUPPORT_ENGAGEMENTS';

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

/** SCHOOL acts for one school; SYSTEM_LEADER for one system leader's engagements; OVERSIGHT reads everything in its regions; ADMIN does everything. */
export type Role =
  | 'ADMIN'
  | 'OVERSIGHT'
  | 'SCHOOL'
  | 'SYSTEM_LEADER';

/** IMPORTED: its reference was new and it was recorded; UPDATED: known, with fields changed; UNCHANGED: known, with the same fields. */
export type RowOutcome =
  | 'IMPORTED'
  | 'UNCHANGED'
  | 'UPDATED';

/** The kinds of school joining rules distinguish: maintained; academies (with free schools and CTCs); independent (with non-maintained special schools). */
export type SchoolCategory =
  | 'ACADEMY'
  | 'INDEPENDENT'
  | 'MAINTAINED';

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

/** An outcome published year by year. Every one is better when higher. */
export type TrendOutcome =
  /** Percentage reaching the expected standard in reading, writing and maths at KS2 (2015/16 on; no tests 2019/20 to 2021/22). */
  | 'KS2_RWM_EXPECTED'
  /** Attainment 8 (2018/19 and 2023/24 held). */
  | 'KS4_ATTAINMENT8'
  /** Percentage with grade 5 or above in English and maths (2018/19 and 2023/24 held). */
  | 'KS4_ENGLISH_MATHS_GRADE5'
  /** Progress 8 (2018/19 and 2023/24 held). */
  | 'KS4_PROGRESS8';

export type AssignmentPlanQueryVariables = Exact<{
  regionCode: string;
  supply: SupplyMode;
}>;


export type AssignmentPlanQuery = { supportAssignments: { supplyMode: SupplyMode, method: string, leaders: number, availableCapacity: number, needSchools: number, assignedSchools: number, needWeight: number, coveredWeight: number, region: { code: string, name: string } | null, assignments: Array<{ needBand: number, distanceKm: number, fitsWeakestArea: boolean, systemLeader: { id: string } | null, school: { urn: number, name: string, town: string | null } | null }>, unmet: Array<{ needSchools: number, needPupils: number, needWeight: number, area: { code: string, name: string, level: AreaLevel }, localAuthority: { name: string } | null }> } };

export type FindSchoolsQueryVariables = Exact<{
  text: string;
}>;


export type FindSchoolsQuery = { searchSchools: Array<{ matchedOn: Array<string>, school: { urn: number, name: string, town: string | null, postcode: string | null, phase: Phase | null, localAuthority: { name: string } | null } }> };

export type ImportRecordsMutationVariables = Exact<{
  kind: ImportKind;
  csv: string;
  dryRun: boolean;
}>;


export type ImportRecordsMutation = { importRecords: { kind: ImportKind, dryRun: boolean, rows: number, imported: number, updated: number, unchanged: number, accepted: Array<{ line: number, reference: string, outcome: RowOutcome }>, rejected: Array<{ line: number, reference: string | null, reason: string, code: string }> } };

export type IsolatedSchoolsQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  supply?: SupplyMode | null | undefined;
  first?: number | null | undefined;
}>;


export type IsolatedSchoolsQuery = { isolatedSchools: Array<{ needBand: number | null, nearestLeaderKm: number | null, supplyMode: SupplyMode, nearestLeader: { id: string, name: string, designation: Designation } | null, school: { urn: number, name: string, town: string | null, phase: Phase | null, localAuthority: { name: string } | null } | null }> };

export type RegionCoverageQueryVariables = Exact<{
  regionCode: string;
}>;


export type RegionCoverageQuery = { region: { code: string, name: string, coverage: { schools: number, schoolsInPartnership: number, share: number, byType: Array<{ type: PartnershipType, schools: number, share: number }> }, localAuthorities: Array<{ code: number, name: string, coverage: { schools: number, schoolsInPartnership: number, share: number } }> } | null };

export type EnglandCoverageQueryVariables = Exact<{ [key: string]: never; }>;


export type EnglandCoverageQuery = { regions: Array<{ code: string, name: string, coverage: { schools: number, schoolsInPartnership: number, share: number, byType: Array<{ type: PartnershipType, schools: number, share: number }> } }> };

export type ConvertorAcademiesQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  supply?: SupplyMode | null | undefined;
  first?: number | null | undefined;
}>;


export type ConvertorAcademiesQuery = { convertorAcademiesSupport: { supplyMode: SupplyMode, convertors: number, withSystemLeader: number, supporting: number, supportingShare: number, academies: Array<{ supporting: boolean, openEngagements: number, pastEngagements: number, school: { urn: number, name: string, localAuthority: { name: string } | null, ofsted: { grade: number | null } | null } | null, systemLeaders: Array<{ id: string, name: string, designation: Designation, synthetic: boolean }> }> } };

export type FundingQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type FundingQuery = { fundingReport: { from: string | null, to: string | null, grants: number, awardedPence: number, matchedPence: number, totalPence: number, unallocatedPence: number, pupils: number, perPupilPence: number | null, schools: number, schoolsFunded: number, byArea: Array<{ localAuthorityCode: number, name: string | null, awardedPence: number, matchedPence: number, pence: number, pupils: number, perPupilPence: number | null, schoolsFunded: number }>, byNeedBand: Array<{ band: number | null, pence: number, pupils: number, perPupilPence: number | null, schools: number, schoolsFunded: number }>, byFund: Array<{ fund: Fund, grants: number, awardedPence: number, matchedPence: number, pence: number }>, rural: { pence: number, share: number }, coastal: { pence: number, share: number } } };

export type GrantsQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type GrantsQuery = { grants: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, fundName: string, funder: string, amountPence: number, matchedPence: number, matchedBy: string | null, awardedOn: string, startsOn: string, endsOn: string, purpose: string, recipientUrn: number | null, recipientSchool: { urn: number, name: string } | null, recipientPartnership: { id: string, name: string } | null } }> } };

export type LocalAuthoritiesOfRegionQueryVariables = Exact<{
  regionCode: string;
}>;


export type LocalAuthoritiesOfRegionQuery = { localAuthorities: Array<{ code: number, name: string }> };

export type AdviserCoverageQueryVariables = Exact<{
  localAuthorityCode?: number | null | undefined;
}>;


export type AdviserCoverageQuery = { adviserCoverage: { schools: number, advised: number, unadvised: number, coverage: number, totalWeight: number, advisedWeight: number, weightedCoverage: number, byNeedBand: Array<{ band: number | null, weight: number, schools: number, advised: number, unadvised: number }>, unadvisedSchools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ needBand: number | null, weight: number, node: { urn: number, name: string, town: string | null } }> } } };

export type RecognitionQueryVariables = Exact<{
  regionCode?: string | null | undefined;
}>;


export type RecognitionQuery = { supportRecognition: { engagementsConsidered: number, engagementsCounted: number, note: string | null, rule: { version: number, description: string }, leaders: Array<{ rank: number, points: number, engagementsCounted: number, engagementsNotCounted: number, systemLeader: { id: string, name: string, designation: Designation } | null, baseSchool: { urn: number, name: string } | null, contributions: Array<{ engagementId: string, counted: boolean, points: number, reason: string, schoolWithheld: boolean, school: { urn: number, name: string } | null }> }>, schools: Array<{ rank: number, points: number, school: { urn: number, name: string } | null, leaders: Array<{ id: string, name: string }> }> } };

export type WhatWorksQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  comparison: ComparisonBasis;
}>;


export type WhatWorksQuery = { impactByPartnershipType: Array<{ type: PartnershipType, comparison: ComparisonBasis, partnerships: number, members: number, membersWithComparisonSchools: number, neighboursPerMember: number | null, caveats: Array<string>, measures: Array<{ measure: ImpactMeasure, unit: string, verdict: ImpactVerdict, explanation: string, beforeAfter: { verdict: ImpactVerdict, n: number, mean: number | null, confidenceLow: number | null, confidenceHigh: number | null, effectSize: number | null, explanation: string } }> }> };

export type GapSensitivityQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  level?: AreaLevel | null | undefined;
  kind?: GapKind | null | undefined;
  supply?: SupplyMode | null | undefined;
  top?: number | null | undefined;
}>;


export type GapSensitivityQuery = { gapSensitivity: { top: number, change: number, supplyMode: SupplyMode, baseline: Array<{ gapIndex: number, area: { code: string, name: string } }>, robust: Array<{ area: { code: string, name: string } }>, scenarios: Array<{ parameter: GapParameter, factor: number, value: number, entering: Array<{ gapIndex: number, area: { code: string, name: string } }>, leaving: Array<{ gapIndex: number, area: { code: string, name: string } }> }> } };

export type CoverageCountsFragment = { schools: number, schoolsInPartnership: number, share: number };

export type CoverageByTypeFragment = { schools: number, schoolsInPartnership: number, share: number, byType: Array<{ type: PartnershipType, schools: number, share: number }> };

export type PartnerSuggestionsQueryVariables = Exact<{
  urn: number;
}>;


export type PartnerSuggestionsQuery = { school: { name: string, location: { latitude: number, longitude: number } | null } | null, partnerSuggestions: Array<{ urn: number, name: string, distanceKm: number, score: number, focus: OutcomeFeature, focusValue: number, focusYear: string | null, needBand: number | null, trust: { id: string, name: string } | null, teachingSchoolHub: { id: string, name: string } | null, school: { town: string | null, location: { latitude: number, longitude: number } | null, contact: { phone: string | null } | null }, reasons: Array<{ factor: PartnerFactor, contribution: number }>, evidence: Array<{ about: PartnerEvidenceSubject, value: number, year: string | null }> }> };

export type SchoolCollaborationOptionsQueryVariables = Exact<{
  urn: number;
}>;


export type SchoolCollaborationOptionsQuery = { collaborationOptions: { urn: number, category: SchoolCategory | null, options: Array<{ eligibility: Eligibility, existingPartnershipIds: Array<string>, steps: Array<string>, model: { id: string, name: string, summary: string } }>, unavailable: Array<{ reason: string, model: { id: string, name: string } }> } | null };

export type SchoolFamilyTrendsQueryVariables = Exact<{
  urn: number;
}>;


export type SchoolFamilyTrendsQuery = { family: { id: string, number: number, phase: Phase, size: number, run: { version: number, createdAt: unknown, current: boolean, featuresVersion: number }, outcomeTrends: Array<{ outcome: TrendOutcome, comparisonYear: string | null, years: Array<{ year: string, value: number | null, familyMedian: number, membersWithFigure: number, source: { title: string } }>, doingBetter: Array<{ urn: number, value: number, year: string, difference: number, source: { title: string }, school: { urn: number, name: string, town: string | null } | null }> }> } | null };

export type SchoolPageQueryVariables = Exact<{
  urn: number;
}>;


export type SchoolPageQuery = { school: { urn: number, name: string, phase: Phase | null, establishmentType: string | null, status: string | null, town: string | null, postcode: string | null, statutoryLowAge: number | null, statutoryHighAge: number | null, rural: boolean | null, coastal: boolean | null, detailsAsOf: string | null, giasUrl: string, ofstedReportsUrl: string, detailsSource: { title: string } | null, localAuthority: { name: string } | null, region: { name: string } | null, pupils: { value: number, year: string, source: { title: string } } | null, fsmPercent: { value: number, year: string, source: { title: string } } | null, senPercent: { value: number, year: string, source: { title: string } } | null, ealPercent: { value: number, year: string, source: { title: string } } | null, ofsted: { rating: string | null, grade: number | null, overall: number | null, inspectedOn: string | null, inspectionType: string | null, qualityOfEducation: number | null, behaviourAndAttitudes: number | null, personalDevelopment: number | null, leadershipAndManagement: number | null, safeguardingEffective: boolean | null, categoryOfConcern: CategoryOfConcern | null, source: { title: string } } | null, ofstedHistory: Array<{ id: string, kind: InspectionKind, inspectedOn: string, type: string | null, outcome: string | null, overall: number | null, categoryOfConcern: CategoryOfConcern | null, urnAtInspection: number | null, source: { title: string } }>, need: { band: number, reasons: Array<{ code: string, detail: string }> } | null, memberships: Array<{ joinedOn: string | null, partnership: { id: string, name: string, type: PartnershipType | null, memberCount: number } }> } | null };

export type FigureFragment = { value: number, year: string, source: { title: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role, sub: string, urn: number | null, systemLeaderId: string | null, regionCodes: Array<string> } | null, regions: Array<{ code: string, name: string }> };

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

export type SupportMapQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  kind?: GapKind | null | undefined;
  supply?: SupplyMode | null | undefined;
}>;


export type SupportMapQuery = { supportMap: { supplyMode: SupplyMode, withoutLocation: number, schools: Array<{ urn: number, name: string, phase: Phase | null, localAuthorityCode: number | null, latitude: number, longitude: number, needBand: number | null }>, leaders: Array<{ id: string, name: string, designation: Designation, latitude: number, longitude: number, synthetic: boolean }> }, localAuthorityGaps: Array<{ gapIndex: number, needSchools: number, totalSchools: number, area: { code: string, name: string } }> };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ code: string, name: string }> };

export type SystemLeadersQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  designation?: Designation | null | undefined;
  nameContains?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type SystemLeadersQuery = { systemLeaders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, designation: Designation, synthetic: boolean, availableCapacity: number, capacity: number, localAuthority: { name: string } | null, baseSchool: { urn: number, name: string } | null } }> } };

export type LeaderPageQueryVariables = Exact<{
  id: string | number;
}>;


export type LeaderPageQuery = { systemLeader: { id: string, name: string, designation: Designation, synthetic: boolean, capacity: number, availableCapacity: number, openEngagements: number, reachKm: number, specialisms: Array<Specialism>, phase: Phase | null, generator: { name: string, seed: number, version: number } | null, holder: { name: string } | null, location: { latitude: number, longitude: number } | null, localAuthority: { name: string } | null, region: { code: string, name: string } | null, baseSchool: { urn: number, name: string } | null, source: { title: string } } | null };

export type SchoolsToSupportQueryVariables = Exact<{
  id: string | number;
  supply: SupplyMode;
}>;


export type SchoolsToSupportQuery = { schoolsToSupport: Array<{ urn: number, name: string | null, needBand: number, distanceKm: number, fitsWeakestArea: boolean, score: number, school: { location: { latitude: number, longitude: number } | null } | null, reasons: Array<{ factor: SupportFactor, detail: string }> }> };

export type GapAreaNameFragment = { code: string, name: string, level: AreaLevel };

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
export const CoverageCountsFragmentDoc = new TypedDocumentString(`
    fragment CoverageCounts on Coverage {
  schools
  schoolsInPartnership
  share
}
    `, {"fragmentName":"CoverageCounts"}) as unknown as TypedDocumentString<CoverageCountsFragment, unknown>;
export const CoverageByTypeFragmentDoc = new TypedDocumentString(`
    fragment CoverageByType on Coverage {
  ...CoverageCounts
  byType {
    type
    schools
    share
  }
}
    fragment CoverageCounts on Coverage {
  schools
  schoolsInPartnership
  share
}`, {"fragmentName":"CoverageByType"}) as unknown as TypedDocumentString<CoverageByTypeFragment, unknown>;
export const FigureFragmentDoc = new TypedDocumentString(`
    fragment Figure on Measure {
  value
  year
  source {
    title
  }
}
    `, {"fragmentName":"Figure"}) as unknown as TypedDocumentString<FigureFragment, unknown>;
export const GapAreaNameFragmentDoc = new TypedDocumentString(`
    fragment GapAreaName on GapArea {
  code
  name
  level
}
    `, {"fragmentName":"GapAreaName"}) as unknown as TypedDocumentString<GapAreaNameFragment, unknown>;
export const AssignmentPlanDocument = new TypedDocumentString(`
    query AssignmentPlan($regionCode: String!, $supply: SupplyMode!) {
  supportAssignments(regionCode: $regionCode, supply: $supply) {
    supplyMode
    method
    leaders
    availableCapacity
    needSchools
    assignedSchools
    needWeight
    coveredWeight
    region {
      code
      name
    }
    assignments {
      needBand
      distanceKm
      fitsWeakestArea
      systemLeader {
        id
      }
      school {
        urn
        name
        town
      }
    }
    unmet {
      area {
        ...GapAreaName
      }
      localAuthority {
        name
      }
      needSchools
      needPupils
      needWeight
    }
  }
}
    fragment GapAreaName on GapArea {
  code
  name
  level
}`) as unknown as TypedDocumentString<AssignmentPlanQuery, AssignmentPlanQueryVariables>;
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
export const ImportRecordsDocument = new TypedDocumentString(`
    mutation ImportRecords($kind: ImportKind!, $csv: String!, $dryRun: Boolean!) {
  importRecords(kind: $kind, csv: $csv, dryRun: $dryRun) {
    kind
    dryRun
    rows
    imported
    updated
    unchanged
    accepted {
      line
      reference
      outcome
    }
    rejected {
      line
      reference
      reason
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ImportRecordsMutation, ImportRecordsMutationVariables>;
export const IsolatedSchoolsDocument = new TypedDocumentString(`
    query IsolatedSchools($regionCode: String, $supply: SupplyMode, $first: Int) {
  isolatedSchools(regionCode: $regionCode, supply: $supply, first: $first) {
    needBand
    nearestLeaderKm
    supplyMode
    nearestLeader {
      id
      name
      designation
    }
    school {
      urn
      name
      town
      phase
      localAuthority {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IsolatedSchoolsQuery, IsolatedSchoolsQueryVariables>;
export const RegionCoverageDocument = new TypedDocumentString(`
    query RegionCoverage($regionCode: String!) {
  region(code: $regionCode) {
    code
    name
    coverage {
      ...CoverageByType
    }
    localAuthorities {
      code
      name
      coverage {
        ...CoverageCounts
      }
    }
  }
}
    fragment CoverageCounts on Coverage {
  schools
  schoolsInPartnership
  share
}
fragment CoverageByType on Coverage {
  ...CoverageCounts
  byType {
    type
    schools
    share
  }
}`) as unknown as TypedDocumentString<RegionCoverageQuery, RegionCoverageQueryVariables>;
export const EnglandCoverageDocument = new TypedDocumentString(`
    query EnglandCoverage {
  regions {
    code
    name
    coverage {
      ...CoverageByType
    }
  }
}
    fragment CoverageCounts on Coverage {
  schools
  schoolsInPartnership
  share
}
fragment CoverageByType on Coverage {
  ...CoverageCounts
  byType {
    type
    schools
    share
  }
}`) as unknown as TypedDocumentString<EnglandCoverageQuery, EnglandCoverageQueryVariables>;
export const ConvertorAcademiesDocument = new TypedDocumentString(`
    query ConvertorAcademies($regionCode: String, $supply: SupplyMode, $first: Int) {
  convertorAcademiesSupport(regionCode: $regionCode, supply: $supply) {
    supplyMode
    convertors
    withSystemLeader
    supporting
    supportingShare
    academies(first: $first) {
      supporting
      openEngagements
      pastEngagements
      school {
        urn
        name
        localAuthority {
          name
        }
        ofsted {
          grade
        }
      }
      systemLeaders {
        id
        name
        designation
        synthetic
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConvertorAcademiesQuery, ConvertorAcademiesQueryVariables>;
export const FundingDocument = new TypedDocumentString(`
    query Funding($regionCode: String, $from: LocalDate, $to: LocalDate) {
  fundingReport(regionCode: $regionCode, from: $from, to: $to) {
    from
    to
    grants
    awardedPence
    matchedPence
    totalPence
    unallocatedPence
    pupils
    perPupilPence
    schools
    schoolsFunded
    byArea {
      localAuthorityCode
      name
      awardedPence
      matchedPence
      pence
      pupils
      perPupilPence
      schoolsFunded
    }
    byNeedBand {
      band
      pence
      pupils
      perPupilPence
      schools
      schoolsFunded
    }
    byFund {
      fund
      grants
      awardedPence
      matchedPence
      pence
    }
    rural {
      pence
      share
    }
    coastal {
      pence
      share
    }
  }
}
    `) as unknown as TypedDocumentString<FundingQuery, FundingQueryVariables>;
export const GrantsDocument = new TypedDocumentString(`
    query Grants($regionCode: String, $after: String) {
  grants(regionCode: $regionCode, first: 20, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        fundName
        funder
        amountPence
        matchedPence
        matchedBy
        awardedOn
        startsOn
        endsOn
        purpose
        recipientUrn
        recipientSchool {
          urn
          name
        }
        recipientPartnership {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GrantsQuery, GrantsQueryVariables>;
export const LocalAuthoritiesOfRegionDocument = new TypedDocumentString(`
    query LocalAuthoritiesOfRegion($regionCode: String!) {
  localAuthorities(regionCode: $regionCode) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<LocalAuthoritiesOfRegionQuery, LocalAuthoritiesOfRegionQueryVariables>;
export const AdviserCoverageDocument = new TypedDocumentString(`
    query AdviserCoverage($localAuthorityCode: Int) {
  adviserCoverage(localAuthorityCode: $localAuthorityCode) {
    schools
    advised
    unadvised
    coverage
    totalWeight
    advisedWeight
    weightedCoverage
    byNeedBand {
      band
      weight
      schools
      advised
      unadvised
    }
    unadvisedSchools(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        needBand
        weight
        node {
          urn
          name
          town
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdviserCoverageQuery, AdviserCoverageQueryVariables>;
export const RecognitionDocument = new TypedDocumentString(`
    query Recognition($regionCode: String) {
  supportRecognition(regionCode: $regionCode, first: 10) {
    engagementsConsidered
    engagementsCounted
    note
    rule {
      version
      description
    }
    leaders {
      rank
      points
      engagementsCounted
      engagementsNotCounted
      systemLeader {
        id
        name
        designation
      }
      baseSchool {
        urn
        name
      }
      contributions {
        engagementId
        counted
        points
        reason
        schoolWithheld
        school {
          urn
          name
        }
      }
    }
    schools {
      rank
      points
      school {
        urn
        name
      }
      leaders {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecognitionQuery, RecognitionQueryVariables>;
export const WhatWorksDocument = new TypedDocumentString(`
    query WhatWorks($regionCode: String, $comparison: ComparisonBasis!) {
  impactByPartnershipType(regionCode: $regionCode, comparison: $comparison) {
    type
    comparison
    partnerships
    members
    membersWithComparisonSchools
    neighboursPerMember
    caveats
    measures {
      measure
      unit
      verdict
      explanation
      beforeAfter {
        verdict
        n
        mean
        confidenceLow
        confidenceHigh
        effectSize
        explanation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WhatWorksQuery, WhatWorksQueryVariables>;
export const GapSensitivityDocument = new TypedDocumentString(`
    query GapSensitivity($regionCode: String, $level: AreaLevel, $kind: GapKind, $supply: SupplyMode, $top: Int) {
  gapSensitivity(
    regionCode: $regionCode
    level: $level
    kind: $kind
    supply: $supply
    top: $top
  ) {
    top
    change
    supplyMode
    baseline {
      area {
        code
        name
      }
      gapIndex
    }
    robust {
      area {
        code
        name
      }
    }
    scenarios {
      parameter
      factor
      value
      entering {
        area {
          code
          name
        }
        gapIndex
      }
      leaving {
        area {
          code
          name
        }
        gapIndex
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GapSensitivityQuery, GapSensitivityQueryVariables>;
export const PartnerSuggestionsDocument = new TypedDocumentString(`
    query PartnerSuggestions($urn: Int!) {
  school(urn: $urn) {
    name
    location {
      latitude
      longitude
    }
  }
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
      id
      name
    }
    teachingSchoolHub {
      id
      name
    }
    school {
      town
      location {
        latitude
        longitude
      }
      contact {
        phone
      }
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
export const SchoolCollaborationOptionsDocument = new TypedDocumentString(`
    query SchoolCollaborationOptions($urn: Int!) {
  collaborationOptions(urn: $urn) {
    urn
    category
    options {
      eligibility
      existingPartnershipIds
      steps
      model {
        id
        name
        summary
      }
    }
    unavailable {
      reason
      model {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolCollaborationOptionsQuery, SchoolCollaborationOptionsQueryVariables>;
export const SchoolFamilyTrendsDocument = new TypedDocumentString(`
    query SchoolFamilyTrends($urn: Int!) {
  family(urn: $urn) {
    id
    number
    phase
    size
    run {
      version
      createdAt
      current
      featuresVersion
    }
    outcomeTrends {
      outcome
      comparisonYear
      years {
        year
        value
        familyMedian
        membersWithFigure
        source {
          title
        }
      }
      doingBetter {
        urn
        value
        year
        difference
        source {
          title
        }
        school {
          urn
          name
          town
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolFamilyTrendsQuery, SchoolFamilyTrendsQueryVariables>;
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
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    role
    sub
    urn
    systemLeaderId
    regionCodes
  }
  regions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
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
      ...GapAreaName
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
    fragment GapAreaName on GapArea {
  code
  name
  level
}`) as unknown as TypedDocumentString<SupportGapsQuery, SupportGapsQueryVariables>;
export const SupportMapDocument = new TypedDocumentString(`
    query SupportMap($regionCode: String, $kind: GapKind, $supply: SupplyMode) {
  supportMap(regionCode: $regionCode, supply: $supply) {
    supplyMode
    withoutLocation
    schools {
      urn
      name
      phase
      localAuthorityCode
      latitude
      longitude
      needBand
    }
    leaders {
      id
      name
      designation
      latitude
      longitude
      synthetic
    }
  }
  localAuthorityGaps: supportGaps(
    regionCode: $regionCode
    kind: $kind
    supply: $supply
    level: LOCAL_AUTHORITY
    first: 200
  ) {
    area {
      code
      name
    }
    gapIndex
    needSchools
    totalSchools
  }
}
    `) as unknown as TypedDocumentString<SupportMapQuery, SupportMapQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions {
  regions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const SystemLeadersDocument = new TypedDocumentString(`
    query SystemLeaders($regionCode: String, $designation: Designation, $nameContains: String, $after: String) {
  systemLeaders(
    regionCode: $regionCode
    designation: $designation
    nameContains: $nameContains
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
    location {
      latitude
      longitude
    }
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
    school {
      location {
        latitude
        longitude
      }
    }
    reasons {
      factor
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolsToSupportQuery, SchoolsToSupportQueryVariables>;