/**
 * What the gap detector, the assignment and `schoolsToSupport` work from: every state-funded
 * school and every system leader in England, read in one go and held in memory (see
 * gap.store.ts), as plain objects.
 */
import type { Governance, Phase } from "../schools/school.model.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import type { Designation, Specialism } from "./system-leader.model.js";
import type { NeedBand, SupplyMode } from "./support.rules.js";

export interface SnapshotSchool {
  urn: number;
  /** For answers that name the school without reading it again; absent in some test fixtures. */
  name?: string | null;
  phase: Phase | null;
  governance: Governance | null;
  laCode: number | null;
  regionCode: string | null;
  districtCode: string | null;
  districtName: string | null;
  latitude: number | null;
  longitude: number | null;
  rural: boolean | null;
  sparse: boolean | null;
  coastal: boolean | null;
  coastDistanceKm: number | null;
  /** ONS_TOWN: `coastal` is the ONS coastal-towns flag of the school's town; else by distance. */
  coastalBasis: "ONS_TOWN" | "DISTANCE" | null;
  pupils: number | null;
  ofstedGrade: number | null;
  needBand: NeedBand | null;
  /** Reason codes, as stored by `npm run need-bands`. */
  needReasons: string[];
  /** Specialisms that address the school's need, weakest area first. */
  needAreas: Specialism[];
  inPartnership: boolean;
  /** The multi-academy trust the school is a member of, if any (for support within a trust). */
  trustId: string | null;
}

export interface SnapshotLeader {
  id: string;
  name: string;
  designation: Designation;
  phase: Phase | null;
  specialisms: Specialism[];
  capacity: number;
  openEngagements: number;
  baseUrn: number | null;
  latitude: number | null;
  longitude: number | null;
  regionCode: string | null;
  laCode: number | null;
  /** Generated from DfE's criteria, not a real designation: supply only when MODELLED. */
  synthetic: boolean;
  /** A Teaching School Hub's DfE area code (EE1, SW7 ...); null for other leaders. */
  hubCode: string | null;
}

export interface SnapshotEngagement {
  systemLeaderId: string;
  urn: number;
  open: boolean;
}

/** The families run a snapshot was read under (need bands compare schools with their families). */
export interface SnapshotVersion {
  familyVersion: number | null;
}

export interface SupportSnapshot {
  version: SnapshotVersion;
  schools: SnapshotSchool[];
  leaders: SnapshotLeader[];
  engagements: SnapshotEngagement[];
  localAuthorities: LocalAuthorityRecord[];
  regions: RegionRecord[];
}

export const AREA_LEVELS = ["LOCAL_AUTHORITY", "DISTRICT"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const GAP_KINDS = ["ALL", "RURAL", "COASTAL"] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface AreaRef {
  level: AreaLevel;
  /** ONS code: the LA's E06/E08/E09/E10 code, or the district's E06/E07/E08/E09 code. */
  code: string;
  name: string;
}

/** One area's need against the support within reach; see gap-index.ts for every figure. */
export interface AreaGap {
  area: AreaRef;
  /** Which supply the figures count (support.rules.ts). */
  supplyMode: SupplyMode;
  /** The LA the area is in (the LA itself for LA areas). */
  laCode: number;
  regionCode: string | null;
  /** State-funded schools in the area. */
  totalSchools: number;
  needSchools: number;
  needPupils: number;
  /** Σ need weights of the need schools. */
  needWeight: number;
  supply: number;
  /** The part of `supply` that comes from strong schools of the need schools' own trusts. */
  trustSupply: number;
  leadersWithinReach: number;
  hubsWithinReach: number;
  partnershipRate: number;
  coverage: number;
  unmetNeed: number;
  gapIndex: number;
  ruralShare: number;
  coastalShare: number;
  rural: boolean;
  coastal: boolean;
  /** A district that is its whole LA (a unitary authority): listed once, as the LA, by default. */
  sameAsLocalAuthority: boolean;
  /** The need schools, least covered first. */
  needUrns: number[];
}
