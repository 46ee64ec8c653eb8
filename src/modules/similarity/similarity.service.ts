/**
 * Families of similar schools: k-means within each phase on the FAMILIES-weighted features, and
 * "similar schools that do better" within a family. Nearest-neighbour queries are on FeatureIndex.
 * SimilarityService, at the end, serves both to the API.
 */
import { afterParams, decodeCursor, pageSize, toPage, type Page } from "../common/pagination.js";
import type { Phase } from "../schools/school.model.js";
import { asClientInput } from "./client-input.js";
import {
  DEFAULT_SIMILAR_COUNT,
  type FeatureIndex,
  type PhaseTable,
  type SchoolRef,
  type SimilarSchool,
} from "./feature-index.js";
import type { FamilyMemberRecord, FamilyRecord, FamilyRunRecord } from "./family.model.js";
import { haversineKm } from "../matching/geo.js";
import {
  ALIKE_SCHOOLS,
  activeColumns,
  betterDirection,
  FEATURE_COLUMN,
  FEATURE_COUNT,
  checkOutcomeFeature,
  isOutcomeFeature,
  PRESETS,
  resolveWeights,
  weightsFromEntries,
  type FeatureName,
  type FeatureWeightEntry,
  type OutcomeFeature,
  type PresetName,
} from "./features.js";
import { outcomeTrends, type OutcomeTrend } from "./outcome-trends.js";
import { cluster, distancesToCentroids, silhouette, type Points } from "./kmeans.js";
import type { SimilarityIndex } from "./similarity-index.js";
import type { SimilarityLoaders } from "./similarity.loaders.js";
import type { SimilarityRepository } from "./similarity.repository.js";
import { median, sampleIndices, seededRandom } from "./stats.js";
import { checkWholeNumber } from "../common/checks.js";
import { MAX_RESULTS } from "./validation.js";
import { ValidationError } from "../../errors/index.js";

export const DEFAULT_FAMILY_SIZE = 50;
export const DEFAULT_FAMILY_SEED = 1;
/** Seeds are 32-bit: the generator's whole state. */
export const MAX_SEED = 0xffff_ffff;
/** See FamilyOptions.maxIterations. */
export const DEFAULT_MAX_ITERATIONS = 15;
/** Squared movement, in scaled units, below which a centroid counts as settled (0.01 units). */
export const CENTROID_TOLERANCE = 1e-4;
export const DEFAULT_SILHOUETTE_SAMPLE = 2000;
// Draws the silhouette sample from a different stream than the k-means++ seeds.
const SAMPLE_SEED_SALT = 0x5eed;

export interface FamilyOptions {
  /** Schools per family wanted on average, ≥ 1; k = max(1, round(n / targetSize)) per phase. */
  targetSize?: number;
  /** 0..2³²−1; same seed and same schools (in any order), same families. */
  seed?: number;
  /**
   * Lloyd iterations at most, 1..1000; 15 by default. From k-means++ seeds the mean squared
   * distance to the centre is then within 1 % of its converged value (0.4 % at 20, on 16,800
   * synthetic primaries with k = 336), and each iteration over all primaries costs about 80 ms,
   * which the 3 s budget for all of England cannot spend forty times over.
   */
  maxIterations?: number;
  /** Points the silhouette is averaged over, 0..100000 (0 skips it). */
  silhouetteSampleSize?: number;
  /** Told as each phase is done, for progress reports on long runs. */
  onPhase?: (phase: PhaseFamilies) => void;
}

/** A figure in a feature's own units. */
export interface FeatureFigure {
  feature: FeatureName;
  value: number | null;
}

export interface Family {
  /** `<PHASE>-<n>`, n from 1; stable for the same seed and schools. */
  id: string;
  phase: Phase;
  /** The n of the id: families of a phase are numbered 1..k. */
  number: number;
  size: number;
  /** URNs, ascending. */
  members: number[];
  /** Each member's weighted distance to the centre, in `members` order. */
  distancesToCentroid: number[];
  /** The k-means centre, turned back into raw units, for the features clustered on. */
  centroid: FeatureFigure[];
  /** Medians of the members' observed figures (imputed ones left out), every phase feature. */
  medians: FeatureFigure[];
  /** Mean weighted distance of the members to the centre, in scaled units. */
  meanDistanceToCentroid: number;
}

export interface PhaseFamilies {
  phase: Phase;
  /** Features clustered on, with their FAMILIES weights. */
  features: { feature: FeatureName; weight: number }[];
  k: number;
  iterations: number;
  converged: boolean;
  families: Family[];
  quality: {
    meanDistanceToCentroid: number;
    /** Mean silhouette over a seeded sample; null with a single family. */
    silhouette: number | null;
    silhouetteSampleSize: number;
  };
}

export interface Families {
  seed: number;
  targetSize: number;
  maxIterations: number;
  silhouetteSampleSize: number;
  phases: PhaseFamilies[];
  /** URN → family id. */
  assignments: Map<number, string>;
  byId: Map<string, Family>;
}

/**
 * The options with their defaults, each checked: a ValidationError names the first out of
 * range. computeFamilies checks them itself; a caller may check first to fail before heavy work.
 */
export function checkFamilyOptions(
  options: FamilyOptions,
): Required<Omit<FamilyOptions, "onPhase">> {
  return {
    targetSize: checkWholeNumber(
      options.targetSize ?? DEFAULT_FAMILY_SIZE,
      1,
      Number.MAX_SAFE_INTEGER,
      "targetSize",
    ),
    seed: checkWholeNumber(options.seed ?? DEFAULT_FAMILY_SEED, 0, MAX_SEED, "seed"),
    maxIterations: checkWholeNumber(
      options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      1,
      1000,
      "maxIterations",
    ),
    silhouetteSampleSize: checkWholeNumber(
      options.silhouetteSampleSize ?? DEFAULT_SILHOUETTE_SAMPLE,
      0,
      100_000,
      "silhouetteSampleSize",
    ),
  };
}

/** The k for n schools and a target family size: max(1, round(n / targetSize)), at most n. */
export function familyCount(schools: number, targetSize: number): number {
  return Math.min(schools, Math.max(1, Math.round(schools / targetSize)));
}

/**
 * The FAMILIES-weighted points of a phase: each scaled feature times √weight, so that plain
 * squared Euclidean distance between rows equals the weighted distance of features.ts.
 */
export function familyPoints(table: PhaseTable): {
  points: Points;
  features: FeatureName[];
  weights: Float64Array;
} {
  const { features, columns, weights } = activeColumns(table.phase, PRESETS.FAMILIES);
  const dims = features.length;
  const data = new Float64Array(table.size * dims);
  const roots = weights.map(Math.sqrt);
  for (let row = 0; row < table.size; row++) {
    for (let d = 0; d < dims; d++) {
      data[row * dims + d] =
        (table.scaled[row * FEATURE_COUNT + (columns[d] as number)] as number) *
        (roots[d] as number);
    }
  }
  return { points: { data, count: table.size, dims }, features, weights };
}

/**
 * Families of similar schools for every phase in the index.
 *
 * Rules: each phase is clustered on its own, on the FAMILIES preset (intake: FSM, EAL, SEN;
 * outcomes: attainment and progress for the phase's key stage) scaled and imputed as in
 * features.ts; k = max(1, round(n / targetSize)); k-means++ seeds and the silhouette sample come
 * from `seed`, so the same seed and schools give the same families. Quality is reported as the
 * mean distance to the family centre (overall and per family) and the mean silhouette.
 */
export function computeFamilies(index: FeatureIndex, options: FamilyOptions = {}): Families {
  const {
    targetSize,
    seed,
    maxIterations,
    silhouetteSampleSize: sampleSize,
  } = checkFamilyOptions(options);
  const phases = index
    .phaseTables()
    .filter((table) => table.size > 0)
    .map((table) => {
      const phase = phaseFamilies(table, { targetSize, seed, maxIterations, sampleSize });
      options.onPhase?.(phase);
      return phase;
    });
  const assignments = new Map<number, string>();
  const byId = new Map<string, Family>();
  for (const family of phases.flatMap((phase) => phase.families)) {
    byId.set(family.id, family);
    for (const urn of family.members) assignments.set(urn, family.id);
  }
  return {
    seed,
    targetSize,
    maxIterations,
    silhouetteSampleSize: sampleSize,
    phases,
    assignments,
    byId,
  };
}

function phaseFamilies(
  table: PhaseTable,
  settings: { targetSize: number; seed: number; maxIterations: number; sampleSize: number },
): PhaseFamilies {
  const { points, features, weights } = familyPoints(table);
  const clustering = cluster(points, familyCount(table.size, settings.targetSize), {
    seed: settings.seed,
    maxIterations: settings.maxIterations,
    tolerance: CENTROID_TOLERANCE,
  });
  const distances = distancesToCentroids(points, clustering);
  const sample = sampleIndices(
    table.size,
    settings.sampleSize,
    seededRandom(settings.seed ^ SAMPLE_SEED_SALT),
  );

  const membersOf: number[][] = Array.from({ length: clustering.k }, () => []);
  clustering.assignments.forEach((id, row) => membersOf[id]?.push(row));
  let totalDistance = 0;
  for (const distance of distances) totalDistance += distance;

  const families = membersOf.map((rows, id): Family => {
    let spread = 0;
    for (const row of rows) spread += distances[row] as number;
    // Rows are in URN order (FeatureIndex keeps each phase sorted), so members come out ascending.
    return {
      id: `${table.phase}-${id + 1}`,
      phase: table.phase,
      number: id + 1,
      size: rows.length,
      members: rows.map((row) => table.urns[row] as number),
      distancesToCentroid: rows.map((row) => distances[row] as number),
      centroid: features.map((feature, d) => {
        const { median: centre, scale } = table.scales[FEATURE_COLUMN[feature]] ?? {
          median: null,
          scale: 1,
        };
        const weighted = clustering.centroids[id * points.dims + d] as number;
        return {
          feature,
          value:
            centre === null ? null : centre + (scale * weighted) / Math.sqrt(weights[d] as number),
        };
      }),
      medians: table.features.map((feature) => ({
        feature,
        value: observedMedian(table, rows, feature),
      })),
      meanDistanceToCentroid: rows.length > 0 ? spread / rows.length : 0,
    };
  });

  return {
    phase: table.phase,
    features: features.map((feature, d) => ({ feature, weight: weights[d] as number })),
    k: clustering.k,
    iterations: clustering.iterations,
    converged: clustering.converged,
    families,
    quality: {
      meanDistanceToCentroid: table.size > 0 ? totalDistance / table.size : 0,
      silhouette: silhouette(points, clustering, sample),
      silhouetteSampleSize: sample.length,
    },
  };
}

function observedMedian(
  table: PhaseTable,
  rows: readonly number[],
  feature: FeatureName,
): number | null {
  const column = FEATURE_COLUMN[feature];
  const values: number[] = [];
  for (const row of rows) {
    const value = table.raw[row * FEATURE_COUNT + column] as number;
    if (!Number.isNaN(value)) values.push(value);
  }
  return median(values);
}

/** The family a school belongs to; null when it is not in any. */
export function familyOf(families: Families, urn: number): Family | null {
  const id = families.assignments.get(urn);
  return id === undefined ? null : (families.byId.get(id) ?? null);
}

export interface BetterSchool {
  urn: number;
  /** The school's raw outcome figure. */
  value: number;
  /** How much better than the asking school's own figure, in the outcome's units (always > 0). */
  difference: number;
  /** Distance from the asking school on the FAMILIES (context) features: how alike the two are. */
  distance: number;
  /** 1 for the school most alike the asking school, up to ALIKE_SCHOOLS. */
  alikeRank: number;
  /** Great-circle distance in km; null when either school has no location. */
  distanceKm: number | null;
  /** Whether it is in the asking school's family of the run the caller passed members of. */
  inFamily: boolean;
}

export interface DoingBetterOptions {
  /**
   * Only those of the most alike schools that are in the asking school's region (none when its
   * region is unknown): staying close never widens who counts as alike.
   */
  sameRegion?: boolean | null;
  /** The asking school's family, to flag results with `inFamily`. */
  familyMembers?: ReadonlySet<number>;
}

/**
 * "Who does better": among the {@link ALIKE_SCHOOLS} schools of its phase most alike school `urn`
 * on the FAMILIES (context-only) features (with `sameRegion`, those of them in its region), those
 * whose `outcome` beats the school's own, most better first (ties to the more alike, then the
 * lower URN). "Beats" follows the outcome's direction (a lower Ofsted grade is better).
 *
 * Rules: alikeness is decided on intake alone, so the outcome compared never chooses who is
 * compared. Only observed figures count: schools whose figure is missing are left out, and a
 * school without its own figure gets an empty list, since a median says nothing about how it
 * actually did. `outcome` must be an outcome feature measured in the school's phase. Empty for a
 * URN the index does not hold.
 */
export function schoolsDoingBetter(
  index: FeatureIndex,
  urn: number,
  outcome: string,
  options: DoingBetterOptions = {},
): BetterSchool[] {
  const feature = checkOutcomeFeature(outcome, "outcome");
  const ref = index.locate(urn);
  if (!ref) return [];
  const { table, row: self } = ref;
  checkMeasuredOutcome(table, feature, "outcome");
  const column = FEATURE_COLUMN[feature];
  const own = table.raw[self * FEATURE_COUNT + column] as number;
  if (Number.isNaN(own)) return [];

  const direction = betterDirection(feature);
  const alike = index.similar(urn, { preset: "FAMILIES", first: ALIKE_SCHOOLS });
  const region = table.regionIds[self] as number;
  const from = {
    latitude: table.latitudes[self] as number,
    longitude: table.longitudes[self] as number,
  };
  const better: BetterSchool[] = [];
  alike.forEach((school, position) => {
    const other = index.locate(school.urn);
    if (!other) return;
    if (options.sameRegion && (region < 0 || table.regionIds[other.row] !== region)) return;
    const value = table.raw[other.row * FEATURE_COUNT + column] as number;
    const difference = (value - own) * direction;
    if (Number.isNaN(value) || difference <= 0) return;
    const latitude = table.latitudes[other.row] as number;
    const longitude = table.longitudes[other.row] as number;
    const located = [from.latitude, from.longitude, latitude, longitude].every(Number.isFinite);
    better.push({
      urn: school.urn,
      value,
      difference,
      distance: school.distance,
      alikeRank: position + 1,
      distanceKm: located ? haversineKm(from.latitude, from.longitude, latitude, longitude) : null,
      inFamily: options.familyMembers?.has(school.urn) ?? false,
    });
  });
  return better.sort(
    (a, b) => b.difference - a.difference || a.distance - b.distance || a.urn - b.urn,
  );
}

function checkMeasuredOutcome(table: PhaseTable, feature: OutcomeFeature, argument: string): void {
  if (!table.features.includes(feature)) {
    throw new ValidationError(
      `\`${argument}\` ${feature} is not measured for ${table.phase} schools; use one of ` +
        `${table.features.filter(isOutcomeFeature).join(", ")}.`,
      argument,
    );
  }
}

/** How another school does on one outcome, next to a reference school. */
export interface OutcomeComparison {
  outcome: OutcomeFeature;
  /** The other school's observed figure; null when it was imputed or is not measured for it. */
  value: number | null;
  /** The reference school's observed figure; null when it was imputed. */
  referenceValue: number | null;
  /**
   * How much better the other school does, in the outcome's units and direction (negative when
   * it does worse); null unless both figures were observed.
   */
  difference: number | null;
}

/**
 * How school `urn` compares with the reference school on every outcome measured in the reference
 * school's phase, in FEATURES order. Only observed figures are compared: where either was imputed
 * the difference is null rather than a difference from a median. Empty when the index does not
 * hold the reference school.
 */
export function compareOutcomes(
  index: FeatureIndex,
  referenceUrn: number,
  urn: number,
): OutcomeComparison[] {
  const reference = index.locate(referenceUrn);
  if (!reference) return [];
  const other = index.locate(urn);
  const observed = (ref: SchoolRef | null, column: number): number | null => {
    if (!ref) return null;
    const value = ref.table.raw[ref.row * FEATURE_COUNT + column] as number;
    return Number.isNaN(value) ? null : value;
  };
  return reference.table.features.filter(isOutcomeFeature).map((outcome) => {
    const column = FEATURE_COLUMN[outcome];
    const value = observed(other, column);
    const referenceValue = observed(reference, column);
    return {
      outcome,
      value,
      referenceValue,
      difference:
        value === null || referenceValue === null
          ? null
          : (value - referenceValue) * betterDirection(outcome),
    };
  });
}

/** An outcome comparison with its verdict: better, not better, or unknown (null). */
export interface MemberOutcome extends OutcomeComparison {
  better: boolean | null;
}

export interface SimilarSchoolsRequest {
  first?: number | null;
  preset?: PresetName | null;
  weights?: readonly FeatureWeightEntry[] | null;
  sameRegion?: boolean | null;
}

/**
 * Similar schools and families for one request: nearest neighbours from the process-wide index,
 * families from the graph (they are versioned there), outcomes compared on the index's figures.
 * Broken domain rules reach the client as BAD_USER_INPUT naming the argument.
 */
export class SimilarityService {
  constructor(
    private readonly index: SimilarityIndex,
    private readonly repository: SimilarityRepository,
    private readonly loaders: SimilarityLoaders,
  ) {}

  /** See FeatureIndex.similar; arguments are checked before the index is waited for. */
  async similarSchools(urn: number, request: SimilarSchoolsRequest): Promise<SimilarSchool[]> {
    const options = asClientInput(() => {
      const weights = request.weights == null ? null : weightsFromEntries(request.weights);
      resolveWeights({ weights, preset: request.preset }, "CONTEXT");
      return {
        first: checkWholeNumber(request.first ?? DEFAULT_SIMILAR_COUNT, 1, MAX_RESULTS, "first"),
        weights,
        preset: request.preset ?? null,
        sameRegion: request.sameRegion ?? null,
      };
    });
    const { index } = await this.index.current();
    return asClientInput(() => index.similar(urn, options));
  }

  /** The family `urn` is in for run `version` (the current run when null); null when none. */
  family(urn: number, version: number | null | undefined): Promise<FamilyRecord | null> {
    return this.repository.findFamilyOfSchool(urn, version);
  }

  /** Every run kept, newest first. */
  runs(): Promise<FamilyRunRecord[]> {
    return this.repository.findRuns();
  }

  run(version: number): Promise<FamilyRunRecord | null> {
    return this.loaders.runByVersion.load(version);
  }

  /** A page of the family's members in (name, urn) order; totalCount is the family's size. */
  async members(
    family: FamilyRecord,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<FamilyMemberRecord>> {
    const size = pageSize(first, "first");
    const position = decodeCursor(after, "after");
    const rows = await this.repository.findFamilyMembers({
      urn: family.urn,
      version: family.version,
      ...afterParams(position),
      limit: size + 1,
    });
    return toPage(rows, size, (member) => member.school, family.size);
  }

  /**
   * Schools most alike the school the family was looked up for that do better on `outcome`, best
   * first; see schoolsDoingBetter for the rules. Results in the family are flagged.
   */
  async doingBetter(
    family: FamilyRecord,
    outcome: string,
    first: number | null | undefined,
    sameRegion: boolean | null | undefined,
  ): Promise<BetterSchool[]> {
    const count = asClientInput(() => {
      checkOutcomeFeature(outcome, "outcome");
      return checkWholeNumber(first ?? DEFAULT_SIMILAR_COUNT, 1, MAX_RESULTS, "first");
    });
    const [members, { index }] = await Promise.all([
      this.repository.findFamilyMemberUrns(family.urn, family.version),
      this.index.current(),
    ]);
    return asClientInput(() =>
      schoolsDoingBetter(index, family.urn, outcome, {
        sameRegion,
        familyMembers: new Set(members),
      }),
    ).slice(0, count);
  }

  /** The family's outcomes year by year next to the looked-up school's; see outcomeTrends. */
  async outcomeTrends(family: FamilyRecord): Promise<OutcomeTrend[]> {
    const members = await this.repository.findFamilyOutcomeSeries(family.urn, family.version);
    return outcomeTrends(members, family.urn, family.phase);
  }

  /** How a member does on each outcome next to the school the family was looked up for. */
  async outcomes(member: FamilyMemberRecord): Promise<MemberOutcome[]> {
    const { index } = await this.index.current();
    return compareOutcomes(index, member.referenceUrn, member.school.urn).map((comparison) => ({
      ...comparison,
      better: comparison.difference === null ? null : comparison.difference > 0,
    }));
  }
}
