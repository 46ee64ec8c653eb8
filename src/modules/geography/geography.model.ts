import type { PartnershipType } from "../partnerships/partnership.model.js";

export interface RegionRecord {
  /** ONS code, E12000001..E12000009. */
  code: string;
  name: string;
}

export interface LocalAuthorityRecord {
  /** 3-digit DfE code, e.g. 201 for the City of London. */
  code: number;
  name: string;
  /** ONS code (E06/E08/E09/E10...). */
  gssCode: string | null;
  regionCode: string | null;
  /** Set for an authority abolished since the 2023 census, e.g. Cumbria (909) on 2023-03-31. */
  closedOn?: string | null;
  /** The authorities an abolished one's schools now belong to. */
  successorCodes?: number[];
}

/** What the graph counts for an area; the service turns it into Coverage. */
export interface CoverageCounts {
  schools: number;
  schoolsInPartnership: number;
  /** One entry per member school per partnership type it belongs to. */
  memberTypes: PartnershipType[];
}

export interface TypeCoverage {
  type: PartnershipType;
  /** Schools in at least one partnership of this type. */
  schools: number;
  /** Those schools as a share (0..1) of all schools counted. */
  share: number;
}

export interface Coverage {
  schools: number;
  schoolsInPartnership: number;
  /** schoolsInPartnership / schools, 0..1; 0 for an area with no schools. */
  share: number;
  byType: TypeCoverage[];
}

/** Which schools coverage counts: all open schools, or only state-funded ones. */
export interface CoverageKey<C> {
  code: C;
  stateFundedOnly: boolean;
}
