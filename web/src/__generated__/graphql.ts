/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Ofsted's categories of concern, both within an inadequate judgement. */
export type CategoryOfConcern =
  | 'SERIOUS_WEAKNESSES'
  | 'SPECIAL_MEASURES';

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

export type FindSchoolsQueryVariables = Exact<{
  text: string;
}>;


export type FindSchoolsQuery = { searchSchools: Array<{ matchedOn: Array<string>, school: { urn: number, name: string, town: string | null, postcode: string | null, phase: Phase | null, localAuthority: { name: string } | null } }> };

export type SchoolPageQueryVariables = Exact<{
  urn: number;
}>;


export type SchoolPageQuery = { school: { urn: number, name: string, phase: Phase | null, establishmentType: string | null, status: string | null, town: string | null, postcode: string | null, statutoryLowAge: number | null, statutoryHighAge: number | null, rural: boolean | null, coastal: boolean | null, detailsAsOf: string | null, giasUrl: string, ofstedReportsUrl: string, detailsSource: { title: string } | null, localAuthority: { name: string } | null, region: { name: string } | null, pupils: { value: number, year: string, source: { title: string } } | null, fsmPercent: { value: number, year: string, source: { title: string } } | null, senPercent: { value: number, year: string, source: { title: string } } | null, ealPercent: { value: number, year: string, source: { title: string } } | null, ofsted: { rating: string | null, grade: number | null, overall: number | null, inspectedOn: string | null, inspectionType: string | null, qualityOfEducation: number | null, behaviourAndAttitudes: number | null, personalDevelopment: number | null, leadershipAndManagement: number | null, safeguardingEffective: boolean | null, categoryOfConcern: CategoryOfConcern | null, source: { title: string } } | null, need: { band: number, reasons: Array<{ code: string, detail: string }> } | null, memberships: Array<{ joinedOn: string | null, partnership: { id: string, name: string, type: PartnershipType | null, memberCount: number } }> } | null };

export type FigureFragment = { value: number, year: string, source: { title: string } };

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