/**
 * Explainable partner suggestions: schools strong on the outcome the asking school wants to
 * improve, in the newest data and not themselves in need, alike in context, near enough to visit,
 * with room to help, offering the support sought, and outside the asker's existing partnerships.
 * The rule (weights, thresholds, the default focus, who may be a partner) is in
 * matching.rules.ts; this file applies it.
 *
 * Offers and seeks change at run time, so they are not in the in-memory index: the service reads
 * the topics sought and the offers of every candidate within reach in one batched read before
 * ranking (`PartnerTopicReader`), and the ranking itself receives them as plain data. Offers are
 * shown only to signed-in readers (`readSchoolOffer`), yet the score is the same for every
 * caller so that ranks do not depend on who asks: anonymous callers get the factor's value but
 * an empty `matchedTopics`.
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
 *   school at its phase median;
 * - passing `eligible`: in the service, strong on the focus in the newest data and not in need
 *   band 1 or 2 (matching.rules.ts).
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
import { quantileSorted } from "../similarity/stats.js";
import { checkPositive, checkWholeNumber } from "../common/checks.js";
import { MAX_RESULTS } from "../similarity/validation.js";
import { boundingBox, haversineKm, inBox } from "./geo.js";
import {
  CONTEXT_SIMILAR_COUNT,
  DEFAULT_PARTNER_COUNT,
  EXCLUDED_NEED_BANDS,
  FACTOR_WEIGHTS,
  FOCUS_KEY_STAGE,
  FOCUS_SATURATION,
  FOCUS_TOPICS,
  isStrong,
  PARTNER_FACTORS,
  RURAL_REACH_KM,
  teachesKeyStage,
  URBAN_REACH_KM,
  type PartnerFactor,
} from "./matching.rules.js";
import type { DatedFigure, PartnerFacts, PartnerFactsStore } from "./partner-facts.js";
import { ValidationError } from "../../errors/index.js";

export {
  DEFAULT_PARTNER_COUNT,
  FACTOR_WEIGHTS,
  FOCUS_SATURATION,
  PARTNER_FACTORS,
  RURAL_REACH_KM,
  URBAN_REACH_KM,
  type PartnerFactor,
};

export const PHASE_MODES = ["SAME_PHASE", "CROSS_PHASE", "ANY"] as const;
export type PhaseMode = (typeof PHASE_MODES)[number];

export interface PartnerOptions {
  /** The outcome feature the asker wants to improve. */
  focus: string;
  /** Search radius in km, > 0; by default 15, or 40 for a rural or sparse asker. */
  maxDistanceKm?: number | null;
  phaseMode?: PhaseMode | null;
  /** 1..100; 10 when absent. */
  first?: number | null;
  /** Who may be a partner at all (strong on the focus, not in need); everyone when absent. */
  eligible?: ((urn: number) => boolean) | null;
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
  /** The topics sought: the asker's recorded seeks, then the topics of its focus. */
  seeks: readonly SupportTopic[];
  offered: ReadonlyMap<number, readonly SupportTopic[]>;
}

export const NO_TOPICS: PartnerTopics = { seeks: [], offered: new Map() };

/** The one batched read of seeks and offers; the repository implements it. */
export interface PartnerTopicReader {
  /** `focusTopics` are sought as well as the asker's own seeks (FOCUS_TOPICS). */
  partnerTopics(
    askerUrn: number,
    candidateUrns: readonly number[],
    focusTopics: readonly SupportTopic[],
  ): Promise<PartnerTopics>;
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
    throw new ValidationError(
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
 * Throws a ValidationError naming the argument when `first` is not 1..100, `maxDistanceKm`
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
  const first = checkWholeNumber(options.first ?? DEFAULT_PARTNER_COUNT, 1, MAX_RESULTS, "first");
  const phaseMode = checkPhaseMode(options.phaseMode ?? "SAME_PHASE");
  const maxDistanceKm =
    options.maxDistanceKm == null ? null : checkPositive(options.maxDistanceKm, "maxDistanceKm");
  const eligible = options.eligible ?? null;

  const ref = index.locate(urn);
  if (!ref) return { first, focusColumn: 0, entries: [] };
  const { table: askerTable, row: askerRow } = ref;
  if (!askerTable.features.includes(focus)) {
    throw new ValidationError(
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
    // Last: of the tests, the rule's is the dearest.
    if (eligible && !eligible(candidateUrn)) return null;
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

/**
 * The candidates whose offers can change the pool's best `first`: the offers factor adds at most
 * its weight to a score, so a candidate whose score without it is more than that weight below
 * the `first`-best such score can never reach the list. Reading offers for these alone gives the
 * same ranking as reading them for the whole pool, which in a city runs to hundreds.
 */
export function offerShortlist(pool: PartnerPool): number[] {
  const base = pool.entries.map((entry) =>
    partnerScore({ ...entry.inputs, soughtCount: 0, matchedTopics: [] }),
  );
  const sorted = Float64Array.from(base).sort().reverse();
  const cut =
    (sorted[Math.min(pool.first, sorted.length) - 1] ?? 0) - FACTOR_WEIGHTS.OFFERS_WHAT_IS_SOUGHT;
  return pool.entries.flatMap((entry, i) => ((base[i] as number) >= cut ? [entry.urn] : []));
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

/** Where the asker stands on one outcome against its context-similar schools. */
export interface FocusStanding {
  focus: OutcomeFeature;
  /** The asker's figure of the newest year; null when it has none (then it is compared as at its phase median). */
  asker: DatedFigure | null;
  /** Median of the context-similar schools' figures for the same year; null when none has one. */
  similarMedian: number | null;
  /** How many context-similar schools that median is over. */
  similarCount: number;
  /** direction × (asker − similar median) / the phase's robust scale; 0 when either is missing. */
  standing: number;
}

/** Per index: each asker's context-similar schools, which only a new index (new data) changes. */
const contextSimilarCache = new WeakMap<FeatureIndex, Map<number, readonly number[]>>();
/** Askers remembered per index; the cache starts again past this (about 2 MB). */
const CONTEXT_SIMILAR_CACHE_SIZE = 5_000;

/**
 * The URNs of the CONTEXT_SIMILAR_COUNT schools of `urn`'s phase nearest to it on the CONTEXT
 * preset. One search per asker and index: every focus of a request, and later requests, reuse it.
 */
export function contextSimilarUrns(index: FeatureIndex, urn: number): readonly number[] {
  let cache = contextSimilarCache.get(index);
  if (!cache) {
    cache = new Map();
    contextSimilarCache.set(index, cache);
  }
  let urns = cache.get(urn);
  if (!urns) {
    urns = index
      .similar(urn, { preset: "CONTEXT", first: CONTEXT_SIMILAR_COUNT })
      .map((similar) => similar.urn);
    remember(cache, urn, urns, CONTEXT_SIMILAR_CACHE_SIZE);
  }
  return urns;
}

/**
 * The asker's standing on `focus` against its CONTEXT_SIMILAR_COUNT nearest schools of its phase
 * on the CONTEXT preset, counting only figures of the focus's newest year (`facts`). Null for a
 * URN the index does not hold or an outcome its phase does not measure.
 */
export function focusStanding(
  index: FeatureIndex,
  facts: PartnerFacts,
  urn: number,
  focus: OutcomeFeature,
): FocusStanding | null {
  const ref = index.locate(urn);
  if (!ref || !ref.table.features.includes(focus)) return null;
  const asker = facts.currentFigure(urn, focus);
  const values = contextSimilarUrns(index, urn).flatMap(
    (similar) => facts.currentFigure(similar, focus)?.value ?? [],
  );
  const similarMedian =
    values.length === 0 ? null : quantileSorted(Float64Array.from(values).sort(), 0.5);
  const scale = ref.table.scales[FEATURE_COLUMN[focus]]?.scale ?? 1;
  const standing =
    asker === null || similarMedian === null
      ? 0
      : (betterDirection(focus) * (asker.value - similarMedian)) / scale;
  return { focus, asker, similarMedian, similarCount: values.length, standing };
}

/**
 * The outcome to focus on when the asker names none (matching.rules.ts): of the outcomes of its
 * phase other than the Ofsted grade that are published for their key stage's newest year and
 * that the asker has a figure of that year for, the one where it stands lowest against its
 * context-similar schools (ties to the earlier outcome in FEATURES order); the Ofsted grade only
 * when there is none such and the asker has a grade. Null when it has neither, or for a URN the
 * index does not hold.
 */
export function defaultFocus(
  index: FeatureIndex,
  facts: PartnerFacts,
  urn: number,
): FocusStanding | null {
  const ref = index.locate(urn);
  if (!ref) return null;
  let weakest: FocusStanding | null = null;
  for (const outcome of ref.table.features.filter(isOutcomeFeature)) {
    if (outcome === "ofstedGrade" || !facts.isCurrentFigure(outcome)) continue;
    if (facts.currentFigure(urn, outcome) === null) continue;
    const standing = focusStanding(index, facts, urn, outcome);
    if (standing && (weakest === null || standing.standing < weakest.standing)) weakest = standing;
  }
  if (weakest) return weakest;
  return facts.currentFigure(urn, "ofstedGrade") === null
    ? null
    : focusStanding(index, facts, urn, "ofstedGrade");
}

/**
 * Whether a school may be suggested for `focus` at all (matching.rules.ts): not in need band 1
 * or 2, with a figure of the focus's newest year, at least the England median of that year (or
 * Good or better for the Ofsted grade).
 */
export function isEligiblePartner(
  facts: PartnerFacts,
  urn: number,
  focus: OutcomeFeature,
): boolean {
  const school = facts.school(urn);
  if (!school) return false;
  if (school.needBand !== null && EXCLUDED_NEED_BANDS.includes(school.needBand)) return false;
  if (!teachesKeyStage(school.highAge, FOCUS_KEY_STAGE[focus])) return false;
  const figure = facts.currentFigure(urn, focus);
  const median = facts.englandMedian[focus];
  if (figure === null || median === null) return false;
  return isStrong(focus, figure.value, median.value, betterDirection(focus));
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

/** What a search needs before offers are read: only new data (a new index or facts) changes it. */
interface PreparedSearch {
  standing: FocusStanding;
  /** The candidates that can reach the best `first` whatever they offer (offerShortlist). */
  pool: PartnerPool;
  /** Those of them that have recorded offers, whose offers are read per request. */
  offering: number[];
  /** The ranking when none of them offers anything: then it is the same for every request. */
  ranked: PartnerCandidate[] | null;
  /** That ranking as suggestions, for callers who may and may not see topics; built on first use. */
  described: {
    shown?: Omit<PartnerSuggestion, "contact">[];
    hidden?: Omit<PartnerSuggestion, "contact">[];
  };
}

/** Per index and facts, each search prepared so far; a new index or facts starts afresh. */
const preparedSearches = new WeakMap<
  FeatureIndex,
  WeakMap<PartnerFacts, Map<string, PreparedSearch | null>>
>();
/** Searches remembered per index and facts; the cache starts again past this. */
const PREPARED_SEARCH_CACHE_SIZE = 5_000;

/**
 * The standing, shortlisted pool and offering candidates of a search, computed once per index,
 * facts and search: the pool is most of a request's work (thousands of schools in reach of a
 * city school) and depends only on them. Null when the asker has no standing (an unknown URN
 * or a focus its phase does not measure) or no candidate. Arguments are checked first.
 */
function preparedSearch(
  index: FeatureIndex,
  facts: PartnerFacts,
  urn: number,
  search: PartnerSearch,
): PreparedSearch | null {
  const { focus, maxDistanceKm, phaseMode, first } = search;
  let byFacts = preparedSearches.get(index);
  if (!byFacts) {
    byFacts = new WeakMap();
    preparedSearches.set(index, byFacts);
  }
  let cache = byFacts.get(facts);
  if (!cache) {
    cache = new Map();
    byFacts.set(facts, cache);
  }
  const key = JSON.stringify([
    urn,
    focus ?? null,
    maxDistanceKm ?? null,
    phaseMode ?? null,
    first ?? null,
  ]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const standing =
    focus != null ? focusStanding(index, facts, urn, focus) : defaultFocus(index, facts, urn);
  if (standing === null) {
    // An unknown URN, or a focus the phase does not measure: partnerPool says which.
    if (focus != null) asClientInput(() => partnerPool(index, urn, { focus }), INPUT);
    return remember(cache, key, null);
  }
  const chosen = standing.focus;
  const pool = asClientInput(
    () =>
      partnerPool(index, urn, {
        focus: chosen,
        maxDistanceKm,
        phaseMode,
        first,
        eligible: (candidate) => isEligiblePartner(facts, candidate, chosen),
      }),
    INPUT,
  );
  if (pool.entries.length === 0) return remember(cache, key, null);
  const shortlist = new Set(offerShortlist(pool));
  const entries = pool.entries.filter((entry) => shortlist.has(entry.urn));
  // Offers are read only for candidates that have recorded some (facts): none, no read.
  const offering = entries
    .map((entry) => entry.urn)
    .filter((candidate) => facts.school(candidate)?.offersTopics);
  const shortlisted = { ...pool, entries };
  const ranked = offering.length === 0 ? rankPartners(shortlisted, NO_TOPICS) : null;
  return remember(cache, key, { standing, pool: shortlisted, offering, ranked, described: {} });
}

/** Keeps `value` under `key`, starting the cache again once it holds `limit` entries. */
function remember<K, T>(cache: Map<K, T>, key: K, value: T, limit = PREPARED_SEARCH_CACHE_SIZE): T {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

export interface PartnerSearch {
  /** The outcome to improve; by default the asker's weakest, see defaultFocus. */
  focus?: OutcomeFeature | null;
  maxDistanceKm?: number | null;
  phaseMode?: PhaseMode | null;
  first?: number | null;
}

/** A figure a suggestion rests on, with its year and dataset. */
export interface PartnerEvidence {
  figure: OutcomeFeature;
  about: EvidenceSubject;
  value: number;
  /** The academic year it describes (or the inspection date for an Ofsted grade). */
  year: string | null;
  /** The `Dataset.id` it came from. */
  source: string | null;
}

export const EVIDENCE_SUBJECTS = [
  "PARTNER",
  "PARTNER_CONFIDENCE_LOWER",
  "PARTNER_CONFIDENCE_UPPER",
  "ASKER",
  "CONTEXT_SIMILAR_MEDIAN",
  "ENGLAND_MEDIAN",
] as const;
export type EvidenceSubject = (typeof EVIDENCE_SUBJECTS)[number];

export interface PartnerSuggestion extends PartnerCandidate {
  /** The outcome the suggestion is for: the one asked for, or the default chosen. */
  focus: OutcomeFeature;
  /** The year of the partner's focus figure (the newest of that figure). */
  focusYear: string | null;
  needBand: number | null;
  evidence: PartnerEvidence[];
  /**
   * How to reach the partner: its trust and Teaching School Hub. Read only when a client asks,
   * in one batched read for all the suggestions of the request.
   */
  contact: () => Promise<PartnerContact | null>;
}

/** How to reach a partner. */
export interface PartnerContact {
  trustId: string | null;
  hubId: string | null;
}

/** The one batched read of the returned partners' trusts and hubs; the repository implements it. */
export interface PartnerContactReader {
  partnerContacts(urns: readonly number[]): Promise<ReadonlyMap<number, PartnerContact>>;
}

/**
 * Partner suggestions for one request, from the process-wide index and partner facts. The
 * arguments sit in the `input` object, so errors name them `input.first`, `input.focus` and so on.
 */
export class MatchingService {
  constructor(
    private readonly index: SimilarityIndex,
    private readonly facts: PartnerFactsStore,
    private readonly reader: PartnerTopicReader & PartnerContactReader,
    private readonly principal: Principal,
  ) {}

  /** See suggestPartners; empty for an unknown URN. Arguments are checked before the index is waited for. */
  async suggestions(urn: number, search: PartnerSearch | null): Promise<PartnerSuggestion[]> {
    const { focus, maxDistanceKm, phaseMode, first } = search ?? {};
    asClientInput(() => {
      checkWholeNumber(first ?? DEFAULT_PARTNER_COUNT, 1, MAX_RESULTS, "first");
      if (maxDistanceKm != null) checkPositive(maxDistanceKm, "maxDistanceKm");
      if (phaseMode != null) checkPhaseMode(phaseMode);
      if (focus != null) checkOutcomeFeature(focus, "focus");
    }, INPUT);
    const [{ index }, facts] = await Promise.all([this.index.current(), this.facts.current()]);
    if (focus != null) asClientInput(() => checkFocusFits(index, facts, urn, focus), INPUT);
    const prepared = preparedSearch(index, facts, urn, { focus, maxDistanceKm, phaseMode, first });
    if (prepared === null) return [];
    const { standing, pool, offering } = prepared;
    const chosen = standing.focus;
    // The score is the same for every caller; only the naming of topics is for signed-in ones.
    const showTopics = decide(this.principal, "readSchoolOffer").allowed;
    const described = prepared.ranked
      ? (prepared.described[showTopics ? "shown" : "hidden"] ??= describe(
          facts,
          standing,
          prepared.ranked,
          showTopics,
        ))
      : describe(
          facts,
          standing,
          rankPartners(pool, await this.reader.partnerTopics(urn, offering, FOCUS_TOPICS[chosen])),
          showTopics,
        );
    let contacts: Promise<ReadonlyMap<number, PartnerContact>> | null = null;
    const contactOf = (candidate: number) => {
      contacts ??= this.reader.partnerContacts(described.map((suggestion) => suggestion.urn));
      return contacts.then((found) => found.get(candidate) ?? null);
    };
    return described.map((suggestion) => ({
      ...suggestion,
      contact: () => contactOf(suggestion.urn),
    }));
  }
}

/** Ranked candidates as suggestions: their focus, evidence and reasons, topics named or not. */
function describe(
  facts: PartnerFacts,
  standing: FocusStanding,
  ranked: readonly PartnerCandidate[],
  showTopics: boolean,
): Omit<PartnerSuggestion, "contact">[] {
  const chosen = standing.focus;
  const shared = sharedEvidence(facts, standing);
  return ranked.map((candidate) => {
    const figure = facts.currentFigure(candidate.urn, chosen);
    const school = facts.school(candidate.urn);
    return {
      ...candidate,
      focus: chosen,
      focusYear: figure?.year ?? null,
      needBand: school?.needBand ?? null,
      evidence: [...partnerEvidence(chosen, figure, school), ...shared],
      reasons: showTopics
        ? candidate.reasons
        : candidate.reasons.map((reason) => ({ ...reason, matchedTopics: [] })),
    };
  });
}

/**
 * A named focus must be published for its key stage's newest year, and the asker must teach to
 * the end of that key stage. Throws a ValidationError naming `focus` otherwise.
 */
function checkFocusFits(
  index: FeatureIndex,
  facts: PartnerFacts,
  urn: number,
  focus: OutcomeFeature,
): void {
  const stage = FOCUS_KEY_STAGE[focus];
  if (stage !== null && !facts.isCurrentFigure(focus)) {
    const current = PARTNER_FOCUSES.filter(
      (other) => FOCUS_KEY_STAGE[other] === stage && facts.isCurrentFigure(other),
    );
    throw new ValidationError(
      `\`focus\` ${focus} was last published for ${facts.newestYear[focus] ?? "no year"}, and ` +
        `partners must be strong in the newest ${stage} data (${facts.keyStageYear(stage) ?? "none"}); ` +
        `use ${current.join(" or ")}.`,
      "focus",
    );
  }
  const school = facts.school(urn);
  if (index.locate(urn) && school && !teachesKeyStage(school.highAge, stage)) {
    throw new ValidationError(
      `\`focus\` ${focus} is a ${stage ?? ""} outcome, and school ${urn} teaches pupils only up to ` +
        `age ${school.highAge}: it has no ${stage ?? ""} cohort.`,
      "focus",
    );
  }
}

const PARTNER_FOCUSES: readonly OutcomeFeature[] = Object.keys(FOCUS_KEY_STAGE) as OutcomeFeature[];

function partnerEvidence(
  focus: OutcomeFeature,
  figure: DatedFigure | null,
  school: { progress8Lower: number | null; progress8Upper: number | null } | null,
): PartnerEvidence[] {
  if (figure === null) return [];
  const evidence: PartnerEvidence[] = [{ figure: focus, about: "PARTNER", ...figure }];
  if (focus === "ks4Progress8" && school?.progress8Lower != null && school.progress8Upper != null) {
    evidence.push(
      { figure: focus, about: "PARTNER_CONFIDENCE_LOWER", ...figure, value: school.progress8Lower },
      { figure: focus, about: "PARTNER_CONFIDENCE_UPPER", ...figure, value: school.progress8Upper },
    );
  }
  return evidence;
}

/** The figures every suggestion of one request rests on: the asker's, its peers', England's. */
function sharedEvidence(facts: PartnerFacts, standing: FocusStanding): PartnerEvidence[] {
  const { focus, asker, similarMedian } = standing;
  const evidence: PartnerEvidence[] = [];
  if (asker) evidence.push({ figure: focus, about: "ASKER", ...asker });
  if (similarMedian !== null) {
    evidence.push({
      figure: focus,
      about: "CONTEXT_SIMILAR_MEDIAN",
      value: similarMedian,
      year: facts.newestYear[focus],
      source: asker?.source ?? facts.englandMedian[focus]?.source ?? null,
    });
  }
  const england = facts.englandMedian[focus];
  if (england) {
    evidence.push({
      figure: focus,
      about: "ENGLAND_MEDIAN",
      value: england.value,
      year: england.year,
      source: england.source,
    });
  }
  return evidence;
}

const INPUT = "input.";
