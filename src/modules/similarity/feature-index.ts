/**
 * An in-memory index of every school's feature vector, partitioned by phase, for nearest-neighbour
 * queries in well under a millisecond over all of England's primaries. Each phase keeps its rows
 * in flat, row-major typed arrays (one row per school, one column per feature in FEATURES order),
 * so a query walks them with no per-school objects, and stops early (see `similar`). The scaling
 * and imputation rules are in features.ts.
 */
import { PHASES, type Phase } from "../schools/school.model.js";
import {
  activeColumns,
  FEATURE_COLUMN,
  FEATURE_COUNT,
  FEATURES,
  featuresForPhase,
  rawFeatureValue,
  resolveWeights,
  robustScale,
  type FeatureName,
  type FeatureScale,
  type PresetName,
} from "./features.js";
import type { SchoolProfile } from "./similarity.model.js";
import { standardDeviation } from "./stats.js";
import { TopK } from "./top-k.js";
import { checkWholeNumber } from "../common/checks.js";
import { MAX_RESULTS } from "./validation.js";
import { ValidationError } from "../../errors/index.js";

/**
 * One phase's schools. The arrays are shared with every caller: treat them as read-only.
 */
export interface PhaseTable {
  readonly phase: Phase;
  readonly size: number;
  /** Features that apply to the phase, in FEATURES order. */
  readonly features: readonly FeatureName[];
  readonly profiles: readonly SchoolProfile[];
  readonly urns: Int32Array;
  /** size × FEATURE_COUNT robust z-scores; 0 for imputed figures and features of other phases. */
  readonly scaled: Float64Array;
  /** size × FEATURE_COUNT raw figures (rurality as its ordinal); NaN where missing. */
  readonly raw: Float64Array;
  /** Per row, bit `FEATURE_COLUMN[f]` is set when feature f applies and was imputed. */
  readonly imputed: Uint16Array;
  /** Per column (FEATURES order); `{ median: null, scale: 1 }` for features of other phases. */
  readonly scales: readonly FeatureScale[];
  /** Interned region code per row; -1 when unknown. */
  readonly regionIds: Int32Array;
  /** Per row; NaN when the school has no location. */
  readonly latitudes: Float64Array;
  readonly longitudes: Float64Array;
  /** Per column, the standard deviation of the scaled values: how well it separates rows. */
  readonly columnSpreads: Float64Array;
  /** Rows with a location, by ascending latitude, and those latitudes, for range searches. */
  readonly latitudeOrder: Int32Array;
  readonly sortedLatitudes: Float64Array;
}

/**
 * A column's rows in ascending order of their scaled value (ties by row), and each row's position
 * in that order, so a nearest-neighbour search can start at the asking school and walk outwards.
 */
interface ColumnOrder {
  order: Int32Array;
  rank: Int32Array;
}

/** Where a school sits in the index. */
export interface SchoolRef {
  table: PhaseTable;
  row: number;
}

export interface SimilarOptions {
  /** How many schools to return, 1..100; 10 when absent. */
  first?: number | null;
  /** Custom weights, feature name → weight ≥ 0; see validateWeights. */
  weights?: Readonly<Record<string, number>> | null;
  /** A named weighting; CONTEXT when neither this nor `weights` is given. */
  preset?: PresetName | null;
  /** Only schools in the same region (none when the school's own region is unknown). */
  sameRegion?: boolean | null;
}

/** How much one feature adds to the distance between two schools. */
export interface FeatureContribution {
  feature: FeatureName;
  /** The compared school's raw figure; null when it was imputed. */
  value: number | null;
  imputed: boolean;
  /** The asking school's raw figure, to set beside `value`; null when it was imputed. */
  referenceValue: number | null;
  weight: number;
  /** weight · (scaled difference)²; the terms of one result sum to its squaredDistance. */
  term: number;
  /** term / squaredDistance: the share of the distance this feature explains (0 for twins). */
  share: number;
  /**
   * share × distance, the part of the distance itself this feature accounts for: the
   * contributions of a result add up to its distance (0 for twins).
   */
  contribution: number;
}

export interface SimilarSchool {
  urn: number;
  name: string;
  distance: number;
  squaredDistance: number;
  contributions: FeatureContribution[];
}

export const DEFAULT_SIMILAR_COUNT = 10;

/**
 * Searches whose nearest rows an index remembers, the least recently asked forgotten first. The
 * index never changes, so a search asked again (a school's page, reloaded or shared) gives the
 * same rows without the scan, whose work grows with the number of schools (docs/scale.md: at 5×
 * England it doubled the p95 of similarSchools). About 100 bytes a search.
 */
export const REMEMBERED_SEARCHES = 20_000;

export interface FeatureIndexOptions {
  /** How many searches' nearest rows to remember; REMEMBERED_SEARCHES by default, 0 for none. */
  rememberedSearches?: number;
}

export class FeatureIndex {
  private readonly tables = new Map<Phase, PhaseTable>();
  /** Sorted on first use as a pivot: a families run never needs them, a server needs a few. */
  private readonly columnOrders = new Map<PhaseTable, Map<number, ColumnOrder>>();
  private readonly refs = new Map<number, SchoolRef>();
  private readonly regionIds = new Map<string, number>();
  /** Nearest rows by search, in order of last use (a Map keeps insertion order). */
  private readonly nearestRows = new Map<string, Int32Array>();
  private readonly rememberedSearches: number;

  /**
   * Indexes the profiles. Schools without a phase are left out (they cannot be compared within a
   * phase). A URN given twice is a bug in the caller's query, so it throws rather than guess.
   */
  constructor(profiles: readonly SchoolProfile[], options: FeatureIndexOptions = {}) {
    this.rememberedSearches = options.rememberedSearches ?? REMEMBERED_SEARCHES;
    const byPhase = new Map<Phase, SchoolProfile[]>();
    for (const profile of profiles) {
      if (profile.phase === null) continue;
      const group = byPhase.get(profile.phase) ?? [];
      group.push(profile);
      byPhase.set(profile.phase, group);
    }
    for (const [phase, group] of byPhase) {
      // Rows in URN order, so results (k-means seeds above all) do not depend on input order.
      const table = this.buildTable(
        phase,
        group.sort((a, b) => a.urn - b.urn),
      );
      this.tables.set(phase, table);
      for (let row = 0; row < table.size; row++) {
        const urn = table.urns[row] as number;
        if (this.refs.has(urn)) throw new Error(`FeatureIndex: URN ${urn} is given twice.`);
        this.refs.set(urn, { table, row });
      }
    }
  }

  /** Number of schools indexed. */
  get size(): number {
    return this.refs.size;
  }

  /** Number of searches whose nearest rows are remembered. */
  get searchesRemembered(): number {
    return this.nearestRows.size;
  }

  /** The phases' tables in PHASES order, whatever order the schools came in. */
  phaseTables(): PhaseTable[] {
    return PHASES.flatMap((phase) => this.tables.get(phase) ?? []);
  }

  table(phase: Phase): PhaseTable | null {
    return this.tables.get(phase) ?? null;
  }

  locate(urn: number): SchoolRef | null {
    return this.refs.get(urn) ?? null;
  }

  profile(urn: number): SchoolProfile | null {
    const ref = this.refs.get(urn);
    return ref ? (ref.table.profiles[ref.row] ?? null) : null;
  }

  /** The features whose figure was imputed for this school; null for an unknown URN. */
  imputedFeatures(urn: number): FeatureName[] | null {
    const ref = this.refs.get(urn);
    if (!ref) return null;
    const mask = ref.table.imputed[ref.row] as number;
    return FEATURES.filter((name) => (mask & (1 << FEATURE_COLUMN[name])) !== 0);
  }

  /**
   * The `first` schools of the same phase nearest to `urn` by weighted Euclidean distance on
   * scaled features (ties by lower URN), each with the share of the distance every weighted
   * feature explains. Empty for an unknown URN.
   *
   * Rules: only features that apply to the phase count, so weights must give one of them a
   * positive weight; contributions satisfy Σ term = squaredDistance (summed in the same order)
   * and Σ share = 1 whenever the distance is above 0.
   *
   * The search is exact but rarely visits every school: it walks outwards from the asking school
   * along one weighted feature (the pivot: the largest weight × spread), nearer side first. A
   * school's weighted difference on the pivot alone never exceeds its distance, so once that
   * difference passes the k-th best distance so far, no school further along can get in. The
   * rows found are remembered for the search (school, count, weights, region), so a search asked
   * again skips the scan (REMEMBERED_SEARCHES).
   */
  similar(urn: number, options: SimilarOptions = {}): SimilarSchool[] {
    const first = checkWholeNumber(options.first ?? DEFAULT_SIMILAR_COUNT, 1, MAX_RESULTS, "first");
    const weights = resolveWeights(options, "CONTEXT");
    const ref = this.refs.get(urn);
    if (!ref) return [];
    const { table, row: self } = ref;
    const active = activeColumns(table.phase, weights);
    if (active.features.length === 0) {
      throw new ValidationError(
        `\`weights\` must give a weight above 0 to a feature measured for ${table.phase} schools: ` +
          `${table.features.join(", ")}.`,
        "weights",
      );
    }
    const region = table.regionIds[self] as number;
    if (options.sameRegion && region < 0) return [];

    const key = `${urn}|${first}|${options.sameRegion === true}|${active.columns.join(",")}|${active.weights.join(",")}`;
    const remembered = this.nearestRows.get(key);
    if (remembered) {
      this.nearestRows.delete(key);
      this.nearestRows.set(key, remembered);
      return Array.from(remembered, (row) => this.explain(table, self, row, active));
    }
    const rows = this.nearestRowsOf(
      table,
      self,
      region,
      active,
      first,
      options.sameRegion === true,
    );
    if (this.rememberedSearches > 0) {
      this.nearestRows.set(key, rows);
      if (this.nearestRows.size > this.rememberedSearches) {
        this.nearestRows.delete(this.nearestRows.keys().next().value as string);
      }
    }
    return Array.from(rows, (row) => this.explain(table, self, row, active));
  }

  /** The scan of `similar`, nearest first: the rows of the `first` nearest schools. */
  private nearestRowsOf(
    table: PhaseTable,
    self: number,
    region: number,
    active: ReturnType<typeof activeColumns>,
    first: number,
    sameRegion: boolean,
  ): Int32Array {
    const { scaled, regionIds } = table;
    const { columns, weights: w } = active;
    const width = columns.length;
    const best = new TopK(first);
    const { query, offer } = nearestOffer(table, self, columns, w, best);
    const consider = (row: number) => {
      if (!sameRegion || regionIds[row] === region) offer(row);
    };

    // The pivot prunes best where weighted differences on it are largest.
    const reach = (a: number) =>
      (w[a] as number) * (table.columnSpreads[columns[a] as number] as number) ** 2;
    let pivot = 0;
    for (let a = 1; a < width; a++) if (reach(a) > reach(pivot)) pivot = a;
    const pivotColumn = columns[pivot] as number;
    const pivotWeight = w[pivot] as number;
    const { order, rank } = this.columnOrder(table, pivotColumn);
    const centre = query[pivot] as number;
    const at = (position: number) =>
      scaled[(order[position] as number) * FEATURE_COUNT + pivotColumn] as number;
    const start = rank[self] as number;
    let below = start - 1;
    let above = start + 1;
    while (below >= 0 || above < table.size) {
      const down = below >= 0 ? centre - at(below) : Infinity;
      const up = above < table.size ? at(above) - centre : Infinity;
      const gap = Math.min(down, up);
      if (pivotWeight * gap * gap > best.bound) break;
      consider(order[down <= up ? below-- : above++] as number);
    }
    return Int32Array.from(best.sorted(), ({ item }) => item);
  }

  private columnOrder(table: PhaseTable, column: number): ColumnOrder {
    let orders = this.columnOrders.get(table);
    if (!orders) {
      orders = new Map();
      this.columnOrders.set(table, orders);
    }
    let sorted = orders.get(column);
    if (!sorted) {
      const value = (row: number) => table.scaled[row * FEATURE_COUNT + column] as number;
      const order = Int32Array.from({ length: table.size }, (_, row) => row).sort(
        (a, b) => value(a) - value(b) || a - b,
      );
      const rank = new Int32Array(table.size);
      order.forEach((row, position) => (rank[row] = position));
      sorted = { order, rank };
      orders.set(column, sorted);
    }
    return sorted;
  }

  private explain(
    table: PhaseTable,
    self: number,
    row: number,
    active: ReturnType<typeof activeColumns>,
  ): SimilarSchool {
    const terms = new Float64Array(active.features.length);
    let squaredDistance = 0;
    for (let a = 0; a < terms.length; a++) {
      const column = active.columns[a] as number;
      const difference =
        (table.scaled[row * FEATURE_COUNT + column] as number) -
        (table.scaled[self * FEATURE_COUNT + column] as number);
      const term = (active.weights[a] as number) * difference * difference;
      terms[a] = term;
      squaredDistance += term;
    }
    const distance = Math.sqrt(squaredDistance);
    const mask = table.imputed[row] as number;
    const selfMask = table.imputed[self] as number;
    const contributions = active.features.map((feature, a): FeatureContribution => {
      const column = FEATURE_COLUMN[feature];
      const imputed = (mask & (1 << column)) !== 0;
      const term = terms[a] as number;
      return {
        feature,
        value: imputed ? null : (table.raw[row * FEATURE_COUNT + column] as number),
        imputed,
        referenceValue:
          (selfMask & (1 << column)) !== 0
            ? null
            : (table.raw[self * FEATURE_COUNT + column] as number),
        weight: active.weights[a] as number,
        term,
        share: squaredDistance > 0 ? term / squaredDistance : 0,
        contribution: distance > 0 ? term / distance : 0,
      };
    });
    return {
      urn: table.urns[row] as number,
      name: table.profiles[row]?.name ?? "",
      distance,
      squaredDistance,
      contributions,
    };
  }

  private buildTable(phase: Phase, profiles: SchoolProfile[]): PhaseTable {
    const size = profiles.length;
    const features = featuresForPhase(phase);
    const raw = new Float64Array(size * FEATURE_COUNT).fill(NaN);
    const scaled = new Float64Array(size * FEATURE_COUNT);
    const imputed = new Uint16Array(size);
    const scales: FeatureScale[] = FEATURES.map(() => ({ median: null, scale: 1 }));

    for (const feature of features) {
      const column = FEATURE_COLUMN[feature];
      const observed: number[] = [];
      profiles.forEach((profile, row) => {
        const value = rawFeatureValue(profile, feature);
        if (value === null) return;
        raw[row * FEATURE_COUNT + column] = value;
        observed.push(value);
      });
      const scale = robustScale(observed);
      scales[column] = scale;
      for (let row = 0; row < size; row++) {
        const value = raw[row * FEATURE_COUNT + column] as number;
        if (Number.isNaN(value)) {
          // The phase median scales to exactly 0, so an imputed figure is left at 0.
          imputed[row] = (imputed[row] as number) | (1 << column);
        } else {
          scaled[row * FEATURE_COUNT + column] = (value - (scale.median ?? 0)) / scale.scale;
        }
      }
    }

    const columnSpreads = new Float64Array(FEATURE_COUNT);
    const column = new Float64Array(size);
    for (const feature of features) {
      const c = FEATURE_COLUMN[feature];
      for (let row = 0; row < size; row++) column[row] = scaled[row * FEATURE_COUNT + c] as number;
      columnSpreads[c] = standardDeviation(column);
    }

    const latitudes = Float64Array.from(profiles, (profile) => profile.location?.latitude ?? NaN);
    const longitudes = Float64Array.from(profiles, (profile) => profile.location?.longitude ?? NaN);
    const latitudeOrder = Int32Array.from({ length: size }, (_, row) => row)
      .filter((row) => !Number.isNaN(latitudes[row]) && !Number.isNaN(longitudes[row]))
      .sort((a, b) => (latitudes[a] as number) - (latitudes[b] as number) || a - b);

    return {
      phase,
      size,
      features,
      profiles,
      urns: Int32Array.from(profiles, (profile) => profile.urn),
      scaled,
      raw,
      imputed,
      scales,
      regionIds: Int32Array.from(profiles, (profile) => this.regionId(profile.regionCode)),
      latitudes,
      longitudes,
      columnSpreads,
      latitudeOrder,
      sortedLatitudes: Float64Array.from(latitudeOrder, (row) => latitudes[row] as number),
    };
  }

  private regionId(code: string | null): number {
    if (code === null) return -1;
    let id = this.regionIds.get(code);
    if (id === undefined) {
      id = this.regionIds.size;
      this.regionIds.set(code, id);
    }
    return id;
  }
}

/**
 * The query row's scaled values on the active columns, and a function that offers another row of
 * the table to `best` by weighted squared distance from it, giving up on the row as soon as its
 * partial sum passes the worst distance `best` keeps.
 */
export function nearestOffer(
  table: PhaseTable,
  self: number,
  columns: ArrayLike<number>,
  weights: ArrayLike<number>,
  best: TopK,
): { query: Float64Array; offer: (row: number) => void } {
  const { scaled, urns } = table;
  const width = columns.length;
  const query = new Float64Array(width);
  for (let a = 0; a < width; a++) {
    query[a] = scaled[self * FEATURE_COUNT + (columns[a] as number)] as number;
  }
  const offer = (row: number) => {
    const base = row * FEATURE_COUNT;
    const bound = best.bound;
    let sum = 0;
    for (let a = 0; a < width && sum <= bound; a++) {
      const difference = (scaled[base + (columns[a] as number)] as number) - (query[a] as number);
      sum += (weights[a] as number) * difference * difference;
    }
    if (sum <= bound) best.offer(sum, urns[row] as number, row);
  };
  return { query, offer };
}
