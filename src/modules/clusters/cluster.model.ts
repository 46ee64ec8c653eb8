/**
 * Clusters of schools proposed for a local authority, and the School Improvement Board a council
 * adopts them under, as plain objects.
 */
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import type { Phase, SchoolRecord } from "../schools/school.model.js";
import type { Centre } from "./clustering.js";

/** The collaboration models adopted partnerships follow (seed/collaboration/models.ts). */
export const CLUSTER_MODEL_ID = "cluster";
export const BOARD_MODEL_ID = "school-improvement-board";

/**
 * Phases clustered together when phases are not mixed. Schools of a phase outside every group
 * (NOT_APPLICABLE, or none recorded) are clustered together as "other".
 */
export const PHASE_GROUPS = [
  { id: "primary", phases: ["NURSERY", "PRIMARY"] },
  { id: "secondary", phases: ["SECONDARY", "ALL_THROUGH", "SIXTEEN_PLUS"] },
  { id: "special", phases: ["SPECIAL", "ALTERNATIVE_PROVISION"] },
] as const satisfies readonly { id: string; phases: readonly Phase[] }[];
export type PhaseGroupId = (typeof PHASE_GROUPS)[number]["id"] | "other" | "all";

export function phaseGroupOf(phase: Phase | null): PhaseGroupId {
  const group = PHASE_GROUPS.find((g) => (g.phases as readonly Phase[]).includes(phase as Phase));
  return group?.id ?? "other";
}

/** A school that could join a cluster: its record and need band (1 = most need). */
export interface CandidateSchool {
  school: SchoolRecord;
  needBand: number | null;
}

/** An LA and its open state-funded schools, located or not. */
export interface ClusterCandidates {
  localAuthority: LocalAuthorityRecord;
  schools: CandidateSchool[];
}

export interface NeedBandCount {
  /** 1..4, or null for schools without a band. */
  band: number | null;
  schools: number;
}

export interface PhaseCount {
  phase: Phase | null;
  schools: number;
}

export interface ClusterProposalRecord {
  id: string;
  number: number;
  name: string;
  /** Which schools were clustered together: "all" when phases are mixed. */
  phaseGroup: PhaseGroupId;
  schools: SchoolRecord[];
  size: number;
  pupils: number;
  centre: Centre;
  spreadKm: number;
  needBands: NeedBandCount[];
  phases: PhaseCount[];
  strongerSchools: number;
  weakerSchools: number;
  mixed: boolean;
  explanation: string;
}

export interface ProposeClustersRequest {
  localAuthorityCode: number;
  targetSize?: number | null;
  mixPhases?: boolean | null;
}

export interface BoardPerson {
  name: string;
  organisation: string | null;
}

export interface BoardMemberRequest {
  name: string;
  role: string;
  urn: number | null;
}

export interface AdoptClustersRequest {
  localAuthorityCode: number;
  board: { name: string; chair: BoardPerson; members: BoardMemberRequest[] };
  clusters: { name: string; urns: number[] }[];
}

/** What the write needs to know about each school named, read inside its transaction. */
export interface AdoptionSchoolState {
  urn: number;
  name: string;
  laCode: number | null;
  open: boolean;
  /** Open CLUSTER partnerships the school is a member of. */
  clusterIds: string[];
}

/** The partnerships to create, with ids chosen before the write. */
export interface AdoptionPlan {
  localAuthorityCode: number;
  regionCode: string | null;
  board: {
    id: string;
    name: string;
    chair: BoardPerson & { id: string };
    members: (BoardMemberRequest & { id: string })[];
  };
  clusters: { id: string; name: string; urns: number[] }[];
}

export interface AdoptedClustersRecord {
  boardId: string;
  clusterIds: string[];
  auditEventId: string;
}

/** Links between boards and the clusters they oversee, for one partnership. */
export interface ClusterLinks {
  overseenById: string | null;
  overseesIds: string[];
}

export interface BoardMemberRecord {
  name: string;
  role: string | null;
  organisation: string | null;
  urn: number | null;
}

export interface BoardRecord {
  chair: BoardPerson | null;
  members: BoardMemberRecord[];
  advisingCouncilCode: number | null;
}
