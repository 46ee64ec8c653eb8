/**
 * Explainable partner suggestions: schools that are strong where the asking school wants to
 * improve, alike in context, near enough to visit, with room to help, offering the support the
 * asker says it seeks, and outside the asker's existing partnerships.
 *
 * ## Score
 *
 * Each factor is a value in 0..1; `contribution = weight × value` and `score = Σ contributions`
 * (so the score is at most 1). The weights sum to 1.
 *
 * | factor                  | weight | value                                                   |
 * |-------------------------|--------|---------------------------------------------------------|
 * | `FOCUS_STRENGTH`        | 0.30   | min(1, gap / 2), gap = how far the candidate's focus    |
 * |                         |        | figure beats the asker's, in robust SDs of each own     |
 * |                         |        | phase                                                   |
 * | `CONTEXT_SIMILARITY`    | 0.20   | 1 / (1 + d), d = CONTEXT-preset distance (pupils, FSM,  |
 * |                         |        | SEN)                                                    |
 * | `PROXIMITY`             | 0.20   | 1 − km / reach                                          |
 * | `CAPACITY`              | 0.10   | 1 / (1 + the candidate's partnership memberships)       |
 * | `NETWORK_BRIDGE`        | 0.10   | 1 when the asker has no partnership and the candidate   |
 * |                         |        | has one, else 0                                         |
 * | `OFFERS_WHAT_IS_SOUGHT` | 0.10   | the share of the topics the asker seeks that the        |
 * |                         |        | candidate offers (0 when the asker seeks nothing)       |
 *
 * Why these weights: the focus is why the school is asking, so strength there weighs most, and
 * it saturates at 2 SDs because a far stronger school usually works in a context unlike the
 * asker's. Practice travels best between schools alike in size and intake, hence context next.
 * Proximity makes visits practical. Capacity spreads requests away from schools already in many
 * partnerships. The bridge equals the capacity weight so that, for an isolated asker, a
 * candidate in any partnership outranks an otherwise identical candidate in none
 * (0.10·1/(1+m) + 0.10 > 0.10 for every m). What a school records it offers and seeks states
 * outright what focus strength and context similarity infer from published figures, so its
 * 0.10 comes out of those two (0.35 → 0.30, 0.25 → 0.20): they still lead, proximity, capacity
 * and the bridge keep their weights and so their balance, and an explicit match can lift a
 * candidate past one that is only a little stronger or more alike on paper. An asker that seeks
 * nothing scores 0 on it for every candidate, so its ranking is that of the other five factors.
 *
 * Offers and seeks change at run time, so they are not in the in-memory index: the service reads
 * the asker's seeks and the offers of every candidate within reach in one batched read before
 * ranking (`PartnerTopicReader`), and the ranking itself receives them as plain data. Offers are
 * shown only to signed-in readers (`readSchoolOffer`), yet the score is the same for every
 * caller so that ranks do not depend on who asks: anonymous callers get the factor's value but
 * an empty `matchedTopics`. The value still shows that the asker seeks something and what share
 * of it a candidate offers, but not which topics: the weakness itself stays with signed-in users.
 *
 * ## Who is a candidate
 *
 * - a school of the phase `phaseMode` allows: SAME_PHASE (default), CROSS_PHASE (another phase),
 *   ANY;
 * - with a location within reach: `maxDistanceKm`, or by default 15 km, widened to 40 km when the
 *   asker is rural or in a sparse setting, where the nearest schools are further apart;
 * - sharing no partnership with the asker (they already work together);
 * - with an observed (not imputed) focus figure that beats the asker's: a school cannot be shown
 *   to be strong on a figure it lacks. An asker whose own figure is imputed is compared as a
 *   school at its phase median.
 *
 * Each school's figures are scaled within its own phase (features.ts), so across phases the
 * score compares where each school stands among its peers. Ties go to the nearer school, then the
 * lower URN.
 */
import { decide } from "../../auth/policy.js";
import type { Principal } from "../../auth/principal.js";
import type { SupportTopic } from "../offers/offer.model.js";
import type { Phase } from "../schools/school.model.js";
import { asClientInput } from "../similarity/client-input.js";
import { DomainValidationError } from "../similarity/errors.js";
import type { FeatureIndex, PhaseTable } from "../similarity/feature-index.js";
import {
  activeColumns,
  betterDirection,
  checkOutcomeFeature,
  FEATURE_COLUMN,
  FEATURE_COUNT,
  isOutcomeFeature,
  PRESETS,
  type OutcomeFeature,
} from "../similarity/features.js";
import type { SimilarityIndex } from "../similarity/similarity-index.js";
import { checkIntegerInRange, checkPositive, MAX_RESULTS } from "../similarity/validation.js";
import { boundingBox, haversineKm, inBox } from "./geo.js";

export const PHASE_MODES = ["SAME_PHASE", "CROSS_PHASE", "ANY"] as const;
export type PhaseMode = (typeof PHASE_MODES)[number];

export const PARTNER_FACTORS = [
  "FOCUS_STRENGTH",
  "CONTEXT_SIMILARITY",
  "PROXIMITY",
  "CAPACITY",
  "NETWORK_BRIDGE",
  "OFFERS_WHAT_IS_SOUGHT",
] as const;
export type PartnerFactor = (typeof PARTNER_FACTORS)[number];

/** See the table in the file comment. */
export const FACTOR_WEIGHTS: { readonly [F in PartnerFactor]: number } = {
  FOCUS_STRENGTH: 0.3,
  CONTEXT_SIMILARITY: 0.2,
  PROXIMITY: 0.2,
  CAPACITY: 0.1,
  NETWORK_BRIDGE: 0.1,
  OFFERS_WHAT_IS_SOUGHT: 0.1,
};

export const URBAN_REACH_KM = 15;
export const RURAL_REACH_KM = 40;
/** Robust SDs of focus advantage at which FOCUS_STRENGTH reaches 1. */
export const FOCUS_SATURATION = 2;
export const DEFAULT_PARTNER_COUNT = 10;

export interface PartnerOptions {
  /** The outcome feature the asker wants to improve. */
  focus: string;
  /** Search radius in km, > 0; by default 15, or 40 for a rural or sparse asker. */
  maxDistanceKm?: number | null;
  phaseMode?: PhaseMode | null;
  /** 1..100; 10 when absent. */
  first?: number | null;
}

export interface PartnerReason {
  factor: PartnerFactor;
  /** The factor's value, 0..1. */
  value: number;
  weight: number;
  /** weight × value; a candidate's contributions sum to its score. */
  contribution: number;
  /** For OFFERS_WHAT_IS_SOUGHT, the sought topics the candidate offers; [] for other factors. */
  matchedTopics: SupportTopic[];
}

export interface PartnerCandidate {
  urn: number;
  name: string;
  phase: Phase;
  score: number;
  distanceKm: number;
  /** The candidate's raw figure for the focus outcome. */
  focusValue: number;
  reasons: PartnerReason[];
}

/** What the factors are computed from, for one asker and one candidate. */
export interface PartnerFactorInputs {
  /** Weighted distance on the CONTEXT preset's scaled features. */
  contextDistance: number;
  /** Candidate's focus figure minus the asker's, in robust SDs, positive when the candidate is better. */
  focusGap: number;
  distanceKm: number;
  reachKm: number;
  candidateMemberships: number;
  askerIsolated: boolean;
  /** How many topics the asker seeks; 0 when it seeks none. */
  soughtCount: number;
  /** The sought topics the candidate offers, in the asker's order. */
  matchedTopics: readonly SupportTopic[];
}

/**
 * What the asker seeks and what the candidates within reach offer, read at request time.
 * `offered` need only hold candidates that offer something.
 */
export interface PartnerTopics {
  seeks: readonly SupportTopic[];
  offered: ReadonlyMap<number, readonly SupportTopic[]>;
}

export const NO_TOPICS: PartnerTopics = { seeks: [], offered: new Map() };

/** The one batched read of seeks and offers; the repository implements it. */
export interface PartnerTopicReader {
  partnerTopics(askerUrn: number, candidateUrns: readonly number[]): Promise<PartnerTopics>;
}

/** The factor inputs that come from offers and seeks, for one candidate. */
export function topicInputs(
  topics: PartnerTopics,
  candidateUrn: number,
): Pick<PartnerFactorInputs, "soughtCount" | "matchedTopics"> {
  const offered = topics.offered.get(candidateUrn) ?? [];
  return {
    soughtCount: topics.seeks.length,
    matchedTopics: topics.seeks.filter((topic) => offered.includes(topic)),
  };
}

/**
 * The factors of a candidate's score, each 0..1, with their contributions; `score` is their sum,
 * added in PARTNER_FACTORS order. See the table in the file comment.
 */
export function scorePartner(inputs: PartnerFactorInputs): {
  score: number;
  reasons: PartnerReason[];
} {
  let score = 0;
  const reasons = PARTNER_FACTORS.map((factor): PartnerReason => {
    const value = factorValue(factor, inputs);
    const weight = FACTOR_WEIGHTS[factor];
    const contribution = weight * value;
    score += contribution;
    const matchedTopics = factor === "OFFERS_WHAT_IS_SOUGHT" ? [...inputs.matchedTopics] : [];
    return { factor, value, weight, contribution, matchedTopics };
  });
  return { score, reasons };
}

function factorValue(factor: PartnerFactor, inputs: PartnerFactorInputs): number {
  switch (factor) {
    case "FOCUS_STRENGTH":
      return Math.min(1, Math.max(0, inputs.focusGap / FOCUS_SATURATION));
    case "CONTEXT_SIMILARITY":
      return 1 / (1 + inputs.contextDistance);
    case "PROXIMITY":
      return Math.max(0, 1 - inputs.distanceKm / inputs.reachKm);
    case "CAPACITY":
      return 1 / (1 + inputs.candidateMemberships);
    case "NETWORK_BRIDGE":
      return inputs.askerIsolated && inputs.candidateMemberships > 0 ? 1 : 0;
    case "OFFERS_WHAT_IS_SOUGHT":
      return inputs.soughtCount === 0 ? 0 : inputs.matchedTopics.length / inputs.soughtCount;
  }
}

/**
 * The score alone, added up exactly as scorePartner adds it (same terms, same order), so
 * candidates can be ranked before the few that are returned get their reasons spelt out.
 */
function partnerScore(inputs: PartnerFactorInputs): number {
  let score = 0;
  for (const factor of PARTNER_FACTORS)
    score += FACTOR_WEIGHTS[factor] * factorValue(factor, inputs);
  return score;
}

/** The default search radius: wider for rural and sparse schools, whose neighbours are further. */
export function defaultReachKm(asker: { rural: boolean | null; sparse: boolean | null }): number {
  return asker.rural === true || asker.sparse === true ? RURAL_REACH_KM : URBAN_REACH_KM;
}

function checkPhaseMode(mode: string): PhaseMode {
  if (!(PHASE_MODES as readonly string[]).includes(mode)) {
    throw new DomainValidationError(
      `\`phaseMode\` must be one of ${PHASE_MODES.join(", ")}; got "${mode}".`,
      "phaseMode",
    );
  }
  return mode as PhaseMode;
}

/** The factor inputs known from the index alone, before offers and seeks are read. */
type IndexInputs = Omit<PartnerFactorInputs, "soughtCount" | "matchedTopics">;

/** The candidates within reach for one request, not yet ranked. */
export interface PartnerPool {
  first: number;
  focusColumn: number;
  entries: { table: PhaseTable; row: number; urn: number; inputs: IndexInputs }[];
}

/**
 * Ranked partner suggestions for the school `urn` to improve on `focus`; see the file comment for
 * the score and who counts as a candidate. Empty for an unknown URN or an asker with no location.
 * Throws a DomainValidationError naming the argument when `first` is not 1..100, `maxDistanceKm`
 * is not above 0, `phaseMode` is unknown, or `focus` is not an outcome measured for the asker's
 * phase.
 */
export function suggestPartners(
  index: FeatureIndex,
  urn: number,
  options: PartnerOptions,
  topics: PartnerTopics = NO_TOPICS,
): PartnerCandidate[] {
  return rankPartners(partnerPool(index, urn, options), topics);
}

/** The candidates suggestPartners ranks, with what the index alone says of them. */
export function partnerPool(
  index: FeatureIndex,
  urn: number,
  options: PartnerOptions,
): PartnerPool {
  const focus = checkOutcomeFeature(options.focus, "focus");
  const first = checkIntegerInRange(
    options.first ?? DEFAULT_PARTNER_COUNT,
    1,
    MAX_RESULTS,
    "first",
  );
  const phaseMode = checkPhaseMode(options.phaseMode ?? "SAME_PHASE");
  const maxDistanceKm =
    options.maxDistanceKm == null ? null : checkPositive(options.maxDistanceKm, "maxDistanceKm");

  const ref = index.locate(urn);
  if (!ref) return { first, focusColumn: 0, entries: [] };
  const { table: askerTable, row: askerRow } = ref;
  if (!askerTable.features.includes(focus)) {
    throw new DomainValidationError(
      `\`focus\` ${focus} is not measured for ${askerTable.phase} schools; use one of ` +
        `${askerTable.features.filter(isOutcomeFeature).join(", ")}.`,
      "focus",
    );
  }
  const asker = askerTable.profiles[askerRow];
  const origin = asker?.location;
  const focusColumn = FEATURE_COLUMN[focus];
  if (!asker || !origin) return { first, focusColumn, entries: [] };
  const reachKm = maxDistanceKm ?? defaultReachKm(asker);
  const box = boundingBox(origin, reachKm);
  const askerPartnerships = new Set(asker.partnershipIds);
  const direction = betterDirection(focus);
  const askerFocus = askerTable.scaled[askerRow * FEATURE_COUNT + focusColumn] as number;
  const context = activeColumns(askerTable.phase, PRESETS.CONTEXT);

  const inputsFor = (table: PhaseTable, row: number): IndexInputs | null => {
    const candidateUrn = table.urns[row] as number;
    if (candidateUrn === urn) return null;
    if (((table.imputed[row] as number) & (1 << focusColumn)) !== 0) return null;
    const focusGap =
      direction * ((table.scaled[row * FEATURE_COUNT + focusColumn] as number) - askerFocus);
    if (!(focusGap > 0)) return null;
    const distanceKm = haversineKm(
      origin.latitude,
      origin.longitude,
      table.latitudes[row] as number,
      table.longitudes[row] as number,
    );
    if (!(distanceKm <= reachKm)) return null;
    const partnerships = table.profiles[row]?.partnershipIds ?? [];
    if (partnerships.some((id) => askerPartnerships.has(id))) return null;
    let squared = 0;
    for (let a = 0; a < context.columns.length; a++) {
      const column = context.columns[a] as number;
      const gap =
        (table.scaled[row * FEATURE_COUNT + column] as number) -
        (askerTable.scaled[askerRow * FEATURE_COUNT + column] as number);
      squared += (context.weights[a] as number) * gap * gap;
    }
    return {
      contextDistance: Math.sqrt(squared),
      focusGap,
      distanceKm,
      reachKm,
      candidateMemberships: new Set(partnerships).size,
      askerIsolated: askerPartnerships.size === 0,
    };
  };

  const tables = index
    .phaseTables()
    .filter((table) => allowsPhase(phaseMode, askerTable.phase, table.phase))
    .filter((table) => table.features.includes(focus));
  const entries: PartnerPool["entries"] = [];
  for (const table of tables) {
    // Only the rows in the box's band of latitude are visited, found by binary search.
    const { latitudeOrder, sortedLatitudes } = table;
    for (
      let at = firstAtLeast(sortedLatitudes, box.minLatitude);
      at < sortedLatitudes.length && (sortedLatitudes[at] as number) <= box.maxLatitude;
      at++
    ) {
      const row = latitudeOrder[at] as number;
      if (!inBox(box, table.latitudes[row] as number, table.longitudes[row] as number)) continue;
      const inputs = inputsFor(table, row);
      if (inputs) entries.push({ table, row, urn: table.urns[row] as number, inputs });
    }
  }
  return { first, focusColumn, entries };
}

/** The pool's best `first` candidates, given what the asker seeks and the candidates offer. */
export function rankPartners(pool: PartnerPool, topics: PartnerTopics): PartnerCandidate[] {
  // Candidates within reach number in the thousands in a city: rank them on the score alone
  // and spell out reasons only for those returned.
  const ranked = pool.entries.map((entry) => {
    const inputs: PartnerFactorInputs = { ...entry.inputs, ...topicInputs(topics, entry.urn) };
    return { ...entry, inputs, score: partnerScore(inputs) };
  });
  return ranked
    .sort((a, b) => b.score - a.score || a.inputs.distanceKm - b.inputs.distanceKm || a.urn - b.urn)
    .slice(0, pool.first)
    .map(({ table, row, urn, inputs }) => ({
      urn,
      name: table.profiles[row]?.name ?? "",
      phase: table.phase,
      ...scorePartner(inputs),
      distanceKm: inputs.distanceKm,
      focusValue: table.raw[row * FEATURE_COUNT + pool.focusColumn] as number,
    }));
}

/**
 * The outcome to focus on when the asker names none: of the outcomes measured for its phase and
 * observed for it, the one where it stands furthest below its phase median, in robust SDs and in
 * the outcome's better direction (ties to the earlier outcome in FEATURES order), since that is
 * where a partner has most to offer. An asker with no observed outcome gets its phase's first
 * outcome, compared from the phase median. Null for a URN the index does not hold.
 */
export function defaultFocus(index: FeatureIndex, urn: number): OutcomeFeature | null {
  const ref = index.locate(urn);
  if (!ref) return null;
  const { table, row } = ref;
  const outcomes = table.features.filter(isOutcomeFeature);
  let weakest: OutcomeFeature | null = null;
  let lowest = Infinity;
  for (const outcome of outcomes) {
    const column = FEATURE_COLUMN[outcome];
    if (((table.imputed[row] as number) & (1 << column)) !== 0) continue;
    const standing =
      betterDirection(outcome) * (table.scaled[row * FEATURE_COUNT + column] as number);
    if (standing < lowest) {
      lowest = standing;
      weakest = outcome;
    }
  }
  return weakest ?? outcomes[0] ?? null;
}

/** The first position in an ascending array whose value is at least `value`. */
function firstAtLeast(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function allowsPhase(mode: PhaseMode, askerPhase: Phase, phase: Phase): boolean {
  if (mode === "ANY") return true;
  return mode === "SAME_PHASE" ? phase === askerPhase : phase !== askerPhase;
}

export interface PartnerSearch {
  /** The outcome to improve; by default the asker's weakest, see defaultFocus. */
  focus?: OutcomeFeature | null;
  maxDistanceKm?: number | null;
  phaseMode?: PhaseMode | null;
  first?: number | null;
}

export interface PartnerSuggestion extends PartnerCandidate {
  /** The outcome the suggestion is for: the one asked for, or the default chosen. */
  focus: OutcomeFeature;
}

/**
 * Partner suggestions for one request, from the process-wide index. The arguments sit in the
 * `input` object, so errors name them `input.first`, `input.maxDistanceKm` and so on.
 */
export class MatchingService {
  constructor(
    private readonly index: SimilarityIndex,
    private readonly topics: PartnerTopicReader,
    private readonly principal: Principal,
  ) {}

  /** See suggestPartners; empty for an unknown URN. Arguments are checked before the index is waited for. */
  async suggestions(urn: number, search: PartnerSearch | null): Promise<PartnerSuggestion[]> {
    const { focus, maxDistanceKm, phaseMode, first } = search ?? {};
    asClientInput(() => {
      checkIntegerInRange(first ?? DEFAULT_PARTNER_COUNT, 1, MAX_RESULTS, "first");
      if (maxDistanceKm != null) checkPositive(maxDistanceKm, "maxDistanceKm");
      if (phaseMode != null) checkPhaseMode(phaseMode);
      if (focus != null) checkOutcomeFeature(focus, "focus");
    }, INPUT);
    const { index } = await this.index.current();
    const chosen = focus ?? defaultFocus(index, urn);
    if (chosen === null) return [];
    const pool = asClientInput(
      () => partnerPool(index, urn, { focus: chosen, maxDistanceKm, phaseMode, first }),
      INPUT,
    );
    if (pool.entries.length === 0) return [];
    const topics = await this.topics.partnerTopics(
      urn,
      pool.entries.map((entry) => entry.urn),
    );
    // The score is the same for every caller; only the naming of topics is for signed-in ones.
    const showTopics = decide(this.principal, "readSchoolOffer").allowed;
    return rankPartners(pool, topics).map((candidate) => ({
      ...candidate,
      focus: chosen,
      reasons: showTopics
        ? candidate.reasons
        : candidate.reasons.map((reason) => ({ ...reason, matchedTopics: [] })),
    }));
  }
}

const INPUT = "input.";
