/**
 * A families run (`npm run families`): read every school's profile, cluster each phase, write the
 * families as a new version, then make that version current. The version is written in one
 * transaction and flipped to current in a second, small one, so readers only ever see the
 * previous complete run or the new complete run, and a failure part-way leaves the previous run
 * current.
 */
import { FeatureIndex } from "./feature-index.js";
import { FAMILY_FEATURES_VERSION, FEATURES, type FeatureName } from "./features.js";
import type {
  CurrentFamilyRun,
  FamilyDraft,
  FamilyQuality,
  FamilyRunDraft,
  FamilyRunParameters,
  FamilyRunPhase,
} from "./family.model.js";
import { medianProperty } from "./family.model.js";
import type { SchoolProfile } from "./similarity.model.js";
import {
  checkFamilyOptions,
  computeFamilies,
  type Families,
  type FamilyOptions,
  type PhaseFamilies,
} from "./similarity.service.js";

/** What a run needs from storage; SimilarityRepository in the application. */
export interface FamilyStore {
  findProfiles(): Promise<SchoolProfile[]>;
  findCurrentRun(): Promise<CurrentFamilyRun | null>;
  /** Open schools in no family of that run: schools loaded since it was computed. */
  countSchoolsOutsideRun?(version: number): Promise<number>;
  /** Writes the run, not current, in one transaction; resolves with its version. */
  saveRun(draft: FamilyRunDraft, options: SaveRunOptions): Promise<number>;
  /** Makes `version` the only current run; false when no such run exists. */
  markCurrent(version: number): Promise<boolean>;
}

export interface SaveRunOptions {
  /** Milliseconds since the run began, read as the last write is made (FamilyRun.durationMs). */
  elapsedMs(): number;
  /** Told after each batch of families is written, with the number written so far. */
  onFamiliesWritten(written: number): void;
}

export type FamilyRunEvent =
  | { step: "read"; schools: number; phases: number; ms: number }
  | { step: "clustered"; phase: FamilyRunPhase; ms: number }
  | { step: "writing"; families: number; schools: number }
  | { step: "written"; families: number; total: number }
  | { step: "current"; version: number; ms: number };

export interface FamilyRunRequest extends Pick<
  FamilyOptions,
  "seed" | "targetSize" | "maxIterations" | "silhouetteSampleSize"
> {
  /**
   * Compute only when no run is current (a fresh database), the current run was clustered on
   * other features (its featuresVersion is not FAMILY_FEATURES_VERSION) or leaves out open
   * schools; else report the current one.
   */
  ifMissing?: boolean;
}

export type FamilyRunOutcome =
  | { status: "skipped"; current: CurrentFamilyRun }
  | {
      status: "written";
      version: number;
      schools: number;
      families: number;
      quality: FamilyQuality;
      readMs: number;
      computeMs: number;
      writeMs: number;
      totalMs: number;
    };

/**
 * Runs families end to end: see the file comment. Options are checked (by computeFamilies)
 * before anything is written; a ValidationError names the bad one.
 */
export async function runFamilies(
  store: FamilyStore,
  request: FamilyRunRequest,
  onEvent: (event: FamilyRunEvent) => void = () => {},
  now: () => number = () => performance.now(),
): Promise<FamilyRunOutcome> {
  const settings = checkFamilyOptions(request);
  if (request.ifMissing) {
    // A run that misses schools loaded since (a data upgrade opens new schools) is not enough.
    const current = await store.findCurrentRun();
    const outside = current ? ((await store.countSchoolsOutsideRun?.(current.version)) ?? 0) : 0;
    const sameFeatures = current?.featuresVersion === FAMILY_FEATURES_VERSION;
    if (current && sameFeatures && outside === 0) return { status: "skipped", current };
  }
  const started = now();
  const index = new FeatureIndex(await store.findProfiles());
  const read = now();
  onEvent({
    step: "read",
    schools: index.size,
    phases: index.phaseTables().length,
    ms: read - started,
  });

  let phaseStarted = now();
  const families = computeFamilies(index, {
    ...settings,
    onPhase: (phase) => {
      const done = now();
      onEvent({ step: "clustered", phase: runPhase(phase), ms: done - phaseStarted });
      phaseStarted = done;
    },
  });
  const draft = draftFamilyRun(index, families);
  const computed = now();

  onEvent({ step: "writing", families: draft.families.length, schools: draft.run.schools });
  const version = await store.saveRun(draft, {
    elapsedMs: () => Math.round(now() - started),
    onFamiliesWritten: (written) =>
      onEvent({ step: "written", families: written, total: draft.families.length }),
  });
  const written = now();
  if (!(await store.markCurrent(version))) {
    throw new Error(`FamilyRun ${version} was written but is missing when made current.`);
  }
  const finished = now();
  onEvent({ step: "current", version, ms: finished - written });

  return {
    status: "written",
    version,
    schools: draft.run.schools,
    families: draft.run.families,
    quality: {
      meanDistanceToCentroid: draft.run.meanDistanceToCentroid,
      silhouette: draft.run.silhouette,
      silhouetteSampleSize: draft.run.silhouetteSampleSize,
    },
    readMs: Math.round(read - started),
    computeMs: Math.round(computed - read),
    writeMs: Math.round(finished - computed),
    totalMs: Math.round(finished - started),
  };
}

function runPhase(phase: PhaseFamilies): FamilyRunPhase {
  return {
    phase: phase.phase,
    schools: phase.families.reduce((sum, family) => sum + family.size, 0),
    families: phase.k,
    iterations: phase.iterations,
    converged: phase.converged,
    features: phase.features,
    quality: phase.quality,
  };
}

/**
 * The run-wide quality from the phases': the mean distance to the centre over all schools (each
 * phase weighted by its schools) and the silhouette over all sampled schools (each phase weighted
 * by its sample). Phases with a single family have no silhouette and are left out of it.
 */
export function overallQuality(phases: readonly FamilyRunPhase[]): FamilyQuality {
  let schools = 0;
  let distance = 0;
  let sampled = 0;
  let silhouette = 0;
  for (const phase of phases) {
    schools += phase.schools;
    distance += phase.quality.meanDistanceToCentroid * phase.schools;
    if (phase.quality.silhouette !== null) {
      sampled += phase.quality.silhouetteSampleSize;
      silhouette += phase.quality.silhouette * phase.quality.silhouetteSampleSize;
    }
  }
  return {
    meanDistanceToCentroid: schools > 0 ? distance / schools : 0,
    silhouette: sampled > 0 ? silhouette / sampled : null,
    silhouetteSampleSize: sampled,
  };
}

/**
 * The rows a run writes, from the families computed over `index`: the run's settings and quality,
 * each family with its observed medians (`median<Feature>`; a median no member has is left out,
 * as the graph never stores a missing figure), and each member with its distance to the centre
 * and the features imputed for it.
 */
export function draftFamilyRun(index: FeatureIndex, families: Families): FamilyRunDraft {
  const phases = families.phases.map(runPhase);
  const quality = overallQuality(phases);
  const clustered = new Set<FeatureName>(
    phases.flatMap((phase) => phase.features.map(({ feature }) => feature)),
  );
  const parameters: FamilyRunParameters = {
    seed: families.seed,
    targetSize: families.targetSize,
    preset: "FAMILIES",
    maxIterations: families.maxIterations,
    silhouetteSampleSize: families.silhouetteSampleSize,
    phases,
  };
  const drafts = families.phases.flatMap((phase) =>
    phase.families.map((family): FamilyDraft => ({
      phase: family.phase,
      number: family.number,
      size: family.size,
      meanDistanceToCentroid: family.meanDistanceToCentroid,
      medians: Object.fromEntries(
        family.medians.flatMap(({ feature, value }) =>
          value === null ? [] : [[medianProperty(feature), value]],
        ),
      ),
      members: family.members.map((urn, i) => ({
        urn,
        distanceToCentroid: family.distancesToCentroid[i] as number,
        imputed: index.imputedFeatures(urn) ?? [],
      })),
    })),
  );
  return {
    run: {
      featuresVersion: FAMILY_FEATURES_VERSION,
      seed: families.seed,
      targetSize: families.targetSize,
      preset: "FAMILIES",
      features: FEATURES.filter((feature) => clustered.has(feature)),
      parameters: JSON.stringify(parameters),
      schools: phases.reduce((sum, phase) => sum + phase.schools, 0),
      families: drafts.length,
      ...quality,
    },
    families: drafts,
  };
}

/**
 * The runs to delete to keep the newest `keep` (at least 1): older runs, never the current one,
 * whatever its age, since `family` answers from it.
 */
export function runsToPrune(
  runs: readonly { version: number; current: boolean }[],
  keep: number,
): number[] {
  return [...runs]
    .sort((a, b) => b.version - a.version)
    .slice(Math.max(1, keep))
    .filter((run) => !run.current)
    .map((run) => run.version);
}
