/**
 * Families as stored in the graph, one version per run (see "Families of similar schools" in
 * cypher/README.md): what the repository writes and what it maps rows back to.
 */
import type { Phase } from "../schools/school.model.js";
import type { SchoolRecord } from "../schools/school.model.js";
import type { FeatureName, PresetName } from "./features.js";
import type { FeatureFigure } from "./similarity.service.js";

/** Identifies a run beyond its version, which a deleted newest run can hand on to the next one. */
export interface FamilyRunStamp {
  version: number;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** The current run as `--if-missing` checks it: which features it was clustered on. */
export interface CurrentFamilyRun extends FamilyRunStamp {
  /** FAMILY_FEATURES_VERSION when the run was made; 1 for runs that recorded none. */
  featuresVersion: number;
}

export interface FamilyQuality {
  /** Mean weighted distance of schools to their family's centre, in scaled units. */
  meanDistanceToCentroid: number;
  /** Mean silhouette over the sampled schools, −1..1; null when no phase has two families. */
  silhouette: number | null;
  silhouetteSampleSize: number;
}

/** How one phase was clustered in a run. */
export interface FamilyRunPhase {
  phase: Phase;
  schools: number;
  families: number;
  iterations: number;
  converged: boolean;
  /** Features clustered on, with their weights. */
  features: { feature: FeatureName; weight: number }[];
  quality: FamilyQuality;
}

/** The settings a run was made with; stored as JSON text in `FamilyRun.parameters`. */
export interface FamilyRunParameters {
  seed: number;
  targetSize: number;
  preset: PresetName;
  maxIterations: number;
  silhouetteSampleSize: number;
  phases: FamilyRunPhase[];
}

export interface FamilyRunRecord extends FamilyRunStamp {
  current: boolean;
  /** FAMILY_FEATURES_VERSION the run was clustered with; 1 for runs that recorded none. */
  featuresVersion: number;
  seed: number;
  targetSize: number;
  preset: string;
  /** Every feature clustered on in some phase, in FEATURES order. */
  features: FeatureName[];
  /** Null when the stored text is not what this code writes. */
  parameters: FamilyRunParameters | null;
  schools: number;
  families: number;
  quality: FamilyQuality;
  /** From reading the schools to the end of writing the families; null if never recorded. */
  durationMs: number | null;
}

/** One family of a run, as the school it was looked up for sees it. */
export interface FamilyRecord {
  /** `<version>:<PHASE>:<number>`. */
  id: string;
  version: number;
  phase: Phase;
  number: number;
  size: number;
  meanDistanceToCentroid: number;
  /** Members' medians of observed figures, every feature of the phase (null when none has it). */
  medians: FeatureFigure[];
  /** The school the family was looked up for: comparisons are relative to it. */
  urn: number;
  distanceToCentroid: number;
  imputed: FeatureName[];
}

export interface FamilyMemberRecord {
  school: SchoolRecord;
  /** The school the family was looked up for. */
  referenceUrn: number;
  distanceToCentroid: number;
  /** Features whose figure was imputed for this school when the run clustered it. */
  imputed: FeatureName[];
}

/** Where a page of family members starts: the family of `urn` in run `version`. */
export interface FamilyMembersQuery {
  urn: number;
  version: number;
  afterName: string | null;
  afterUrn: number | null;
  limit: number;
}

/** A run ready to be written: computed, not yet numbered. */
export interface FamilyRunDraft {
  run: {
    featuresVersion: number;
    seed: number;
    targetSize: number;
    preset: PresetName;
    features: FeatureName[];
    /** FamilyRunParameters as JSON. */
    parameters: string;
    schools: number;
    families: number;
    meanDistanceToCentroid: number;
    silhouette: number | null;
    silhouetteSampleSize: number;
  };
  families: FamilyDraft[];
}

export interface FamilyDraft {
  phase: Phase;
  number: number;
  size: number;
  meanDistanceToCentroid: number;
  /** `median<Feature>` property → value, observed medians only. */
  medians: Record<string, number>;
  members: { urn: number; distanceToCentroid: number; imputed: FeatureName[] }[];
}

/** The key of a stored family, unique across runs. */
export function familyId(version: number, phase: Phase, number: number): string {
  return `${version}:${phase}:${number}`;
}

/** The Family property holding a feature's median, e.g. `medianFsmPercent`. */
export function medianProperty(feature: FeatureName): string {
  return `median${feature.charAt(0).toUpperCase()}${feature.slice(1)}`;
}
