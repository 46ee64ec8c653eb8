/**
 * The recognition rule: which support engagements earn recognition, how many points each earns,
 * and how leaders and the schools they work from are ranked. Pure: everything it needs (the
 * engagements, national KS2 changes, today's date) is handed in, so it is tested on hand-made
 * cases. Change RULE_VERSION whenever a weight, threshold or ordering here changes.
 */
import { isOpenEngagement } from "../engagements/engagement.rules.js";
import { needWeight } from "../support/gap-index.js";
import type {
  Contribution,
  Exclusion,
  Ks2RwmSeries,
  OutcomeMeasure,
  RecognisedLeaderRecord,
  RecognisedSchoolRecord,
  RecognitionEngagement,
  YearPair,
} from "./recognition.model.js";

/** 3: an engagement ending today is closed (it was open until the next day in version 2). */
export const RULE_VERSION = 3;

/**
 * Need bands that count (1 = most need), weighed as the gap detector and supportAssignments weigh
 * them (NEED_WEIGHT in gaps/gap-index.ts): band 1 twice band 2, bands 3 and 4 not at all.
 */
function needWeightOf(band: number): number {
  return band === 1 || band === 2 || band === 3 || band === 4 ? needWeight(band) : 0;
}

/** IDACI deciles that count (1 = most deprived) and their weights. */
export const DEPRIVATION_WEIGHT: Readonly<Record<number, number>> = { 1: 1.5, 2: 1.25, 3: 1 };

/**
 * With no IDACI decile, a school whose free-school-meals share is above this percentage counts
 * as in a disadvantaged area, weighted as decile 3 (the least deprived decile that counts).
 */
export const FSM_THRESHOLD_PERCENT = 30;
export const FSM_DEPRIVATION_WEIGHT = 1;

/** Support beyond two years earns no more: long engagements should not crowd out wide ones. */
export const MONTHS_CAP = 24;

/** Percentage points of KS2 RWM change, relative to national, that move the factor by 1. */
export const OUTCOME_SCALE_POINTS = 10;
export const OUTCOME_FACTOR_MIN = 0.5;
export const OUTCOME_FACTOR_MAX = 2;

/**
 * The outcome factor moves only in steps of this size, a band 2.5 percentage points of KS2 change
 * wide (step × OUTCOME_SCALE_POINTS). Points and totals are public even where the school
 * supported is not, so a finer factor could be worked back, through the weights, months and the
 * public national change, to the school's own change, which with published results identifies
 * it.
 */
export const OUTCOME_FACTOR_STEP = 0.25;

export const RULE_DESCRIPTION =
  `Recognition rule version ${RULE_VERSION}. ` +
  "An engagement (a system leader supporting a school) counts when the school supported is in need band 1 or 2 " +
  `and in a disadvantaged area: IDACI decile 1 to 3, or, when the school has no IDACI decile, more than ${FSM_THRESHOLD_PERCENT}% of pupils eligible for free school meals; ` +
  "it must also have started, and have lasted at least one whole month. " +
  "Points = need weight (band 1: 2, band 2: 1) × deprivation weight (IDACI decile 1: 1.5, decile 2: 1.25, decile 3 or the free-school-meals test: 1) " +
  `× whole months of support (open engagements count to today; at most ${MONTHS_CAP}; a month is whole on the same day of the month, or on the last day of a month too short to have it) × outcome factor. ` +
  "The outcome factor compares the school's change in the percentage of pupils reaching the expected standard in KS2 reading, writing and maths " +
  "from the last year with results before the academic year the support started to the first year with results after the academic year it ended " +
  "(for an engagement still open, the latest year with results) with the mean change of every school with results in both years: " +
  `factor = 1 + (school change − national change) / ${OUTCOME_SCALE_POINTS}, rounded to the nearest ${OUTCOME_FACTOR_STEP} (halves up) and kept between ${OUTCOME_FACTOR_MIN} and ${OUTCOME_FACTOR_MAX}, ` +
  `so it moves only with each ${OUTCOME_FACTOR_STEP * OUTCOME_SCALE_POINTS} points of change against national. ` +
  "A date in the academic year of a result counts as neither before nor after it; when either year is missing the factor is 1 (outcome not yet measurable). " +
  "Changes and points are rounded to 2 decimals. " +
  "A contribution's factor and points are the same for every caller, whether or not it may see the school supported. " +
  "A leader's points are the sum of its engagements' points; leaders are ranked by points, ties by id. " +
  "A school that leaders are based at receives their points; schools are ranked by points, ties by URN. " +
  "With a region, only support given to schools in that region counts, wherever the leader is based.";

const round = (value: number, places: number): number => {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
};

/** The first calendar year of the academic year (1 September to 31 August) holding an ISO date. */
export function academicYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** The first calendar year of an academic year written "YYYY/YY" (or "YYYY"). */
export function seriesYearStart(label: string): number {
  return Number(label.slice(0, 4));
}

/**
 * Whole calendar months from one ISO date to another; 0 when `to` is not later. A month is
 * complete on the same day of the month, or on the last day of a month too short to have it, so
 * support from 31 August to 30 September is one month.
 */
export function wholeMonths(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  const daysInToMonth = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < Math.min(d1, daysInToMonth) ? 1 : 0);
  return Math.max(0, months);
}

/** Open while it has no end date or one after today (engagements/engagement.rules.ts). */
export function isOpen(engagement: Pick<RecognitionEngagement, "end">, today: string): boolean {
  return isOpenEngagement(engagement.end, today);
}

/**
 * The KS2 years an engagement's outcome is measured between: the last series year before the
 * academic year the support started, and the first after the academic year it ended (for an
 * open engagement, the latest year, which must still be after the start year). Null when either
 * is missing.
 */
export function outcomeYears(
  engagement: Pick<RecognitionEngagement, "start" | "end" | "ks2">,
  today: string,
): YearPair | null {
  const series = engagement.ks2;
  if (engagement.start === null || series === null || series.years.length === 0) return null;
  const startYear = academicYearOf(engagement.start);
  const before = series.years.filter((label) => seriesYearStart(label) < startYear).at(-1);
  let after: string | undefined;
  if (isOpen(engagement, today)) {
    const latest = series.years.at(-1);
    after = latest !== undefined && seriesYearStart(latest) > startYear ? latest : undefined;
  } else {
    const endYear = academicYearOf(engagement.end as string);
    after = series.years.find((label) => seriesYearStart(label) > endYear);
  }
  return before === undefined || after === undefined ? null : { before, after };
}

export function yearPairKey(pair: YearPair): string {
  return `${pair.before}|${pair.after}`;
}

function valueIn(series: Ks2RwmSeries, year: string): number | null {
  const index = series.years.indexOf(year);
  const value = index === -1 ? undefined : series.values[index];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * 1 + relative change / scale to the nearest OUTCOME_FACTOR_STEP (halves up), kept within the
 * bounds. The bounds are whole steps, so every factor is one too.
 */
export function outcomeFactorOf(relativeChange: number): number {
  const measured = 1 + relativeChange / OUTCOME_SCALE_POINTS;
  const stepped = Math.round(measured / OUTCOME_FACTOR_STEP) * OUTCOME_FACTOR_STEP;
  return Math.min(OUTCOME_FACTOR_MAX, Math.max(OUTCOME_FACTOR_MIN, stepped));
}

/** The school's change against the national change over the same years; null when unmeasurable. */
export function measureOutcome(
  engagement: Pick<RecognitionEngagement, "start" | "end" | "ks2">,
  nationalChanges: ReadonlyMap<string, number>,
  today: string,
): OutcomeMeasure | null {
  const years = outcomeYears(engagement, today);
  if (years === null || engagement.ks2 === null) return null;
  const before = valueIn(engagement.ks2, years.before);
  const after = valueIn(engagement.ks2, years.after);
  const national = nationalChanges.get(yearPairKey(years));
  if (before === null || after === null || national === undefined) return null;
  const schoolChange = after - before;
  return {
    beforeYear: years.before,
    afterYear: years.after,
    schoolChange: round(schoolChange, 2),
    nationalChange: round(national, 2),
    relativeChange: round(schoolChange - national, 2),
  };
}

/** What a reason line is made from: a scored contribution before its reason is written. */
type Scored = Omit<Contribution, "reason">;

/**
 * A line may state the supported school's own figures (its free-school-meals share, its KS2
 * change) only when the school is shown: with public results they would identify it.
 */
const EXCLUSION_REASON: Record<Exclusion, (c: Scored, disclose: boolean) => string> = {
  NO_START_DATE: () => "no start date is recorded",
  NOT_STARTED: (c, disclose) => (disclose ? `it starts on ${c.start}` : "it has not started yet"),
  NEED_BAND_UNKNOWN: () => "the school has no need band",
  NEED_NOT_LOW: (c) => `the school is in need band ${c.needBand} (only bands 1 and 2 count)`,
  NOT_DISADVANTAGED: (c, disclose) =>
    c.idaciDecile !== null
      ? `the school is in IDACI decile ${c.idaciDecile} (only deciles 1 to 3 count)`
      : !disclose
        ? `the school has no IDACI decile and is not above the free-school-meals threshold (more than ${FSM_THRESHOLD_PERCENT}% counts)`
        : `the school has no IDACI decile and ${c.fsmPercent === null ? "no free-school-meals figure" : `${c.fsmPercent}% free school meals`} (more than ${FSM_THRESHOLD_PERCENT}% counts)`,
  UNDER_A_MONTH: () => "it has lasted less than a whole month",
};

const signed = (value: number): string => `${value >= 0 ? "+" : ""}${value}`;

/** How the points were reached, or why none were, in one plain line. */
function reasonOf(c: Scored, disclose: boolean): string {
  if (c.exclusion !== null) return `Not counted: ${EXCLUSION_REASON[c.exclusion](c, disclose)}.`;
  const basis =
    c.idaciDecile !== null
      ? `IDACI decile ${c.idaciDecile}`
      : disclose
        ? `no IDACI decile, ${c.fsmPercent}% FSM`
        : `no IDACI decile, over ${FSM_THRESHOLD_PERCENT}% FSM`;
  const monthsText =
    c.months > MONTHS_CAP
      ? `${c.countedMonths} months (capped from ${c.months})`
      : `${c.months} months`;
  const outcomeText =
    c.outcome === null
      ? "outcome 1 (outcome not yet measurable)"
      : disclose
        ? `outcome ${c.outcomeFactor} (KS2 RWM ${signed(c.outcome.schoolChange)} points ${c.outcome.beforeYear} to ${c.outcome.afterYear} against ${signed(c.outcome.nationalChange)} nationally, ${signed(c.outcome.relativeChange)} relative, to the nearest ${OUTCOME_FACTOR_STEP})`
        : `outcome ${c.outcomeFactor} (KS2 change against national, to the nearest ${OUTCOME_FACTOR_STEP})`;
  return (
    `Need band ${c.needBand} (${c.needWeight}) × ${basis} (${c.deprivationWeight}) × ` +
    `${monthsText} × ${outcomeText} = ${c.points} points.`
  );
}

/**
 * The contribution without what identifies the school supported: no URN, free-school-meals
 * share, KS2 change (years and figures) or dates (which fix the KS2 years, and so the public
 * national change), and a reason line without them. The outcome factor and points stay as they
 * are: the rule already steps the factor so that they give away no more than a band of change,
 * and so every caller's contributions add up to the same public totals.
 */
export function withholdSchool(contribution: Contribution): Contribution {
  const shown: Contribution = {
    ...contribution,
    urn: null,
    fsmPercent: null,
    start: null,
    end: null,
    schoolWithheld: true,
  };
  // Written before `outcome` goes, so the line still tells a measured outcome from one not yet measurable.
  return { ...shown, outcome: null, reason: reasonOf(shown, false) };
}

function exclusionOf(e: RecognitionEngagement, months: number, today: string): Exclusion | null {
  if (e.start === null) return "NO_START_DATE";
  if (e.start > today) return "NOT_STARTED";
  if (e.needBand === null) return "NEED_BAND_UNKNOWN";
  if (needWeightOf(e.needBand) === 0) return "NEED_NOT_LOW";
  if (deprivationOf(e) === null) return "NOT_DISADVANTAGED";
  if (months < 1) return "UNDER_A_MONTH";
  return null;
}

/** The deprivation weight; null when the area is not disadvantaged. */
function deprivationOf(
  e: Pick<RecognitionEngagement, "idaciDecile" | "fsmPercent">,
): number | null {
  if (e.idaciDecile !== null) return DEPRIVATION_WEIGHT[e.idaciDecile] ?? null;
  if (e.fsmPercent !== null && e.fsmPercent > FSM_THRESHOLD_PERCENT) return FSM_DEPRIVATION_WEIGHT;
  return null;
}

/** Scores one engagement under the rule, with a plain reason line. */
export function scoreEngagement(
  e: RecognitionEngagement,
  nationalChanges: ReadonlyMap<string, number>,
  today: string,
): Contribution {
  const open = isOpen(e, today);
  const lastDay = e.end === null || e.end > today ? today : e.end;
  const months = e.start === null ? 0 : wholeMonths(e.start, lastDay);
  const exclusion = exclusionOf(e, months, today);
  const base = {
    engagementId: e.id,
    urn: e.urn,
    regionCode: e.regionCode,
    schoolWithheld: false,
    start: e.start,
    end: e.end,
    open,
    needBand: e.needBand,
    idaciDecile: e.idaciDecile,
    fsmPercent: e.fsmPercent,
    months,
  };
  let scored: Scored;
  if (exclusion !== null) {
    scored = {
      ...base,
      counted: false,
      exclusion,
      countedMonths: 0,
      needWeight: 0,
      deprivationWeight: 0,
      outcome: null,
      outcomeFactor: 1,
      points: 0,
    };
  } else {
    const needWeight = needWeightOf(e.needBand as number);
    const deprivationWeight = deprivationOf(e) as number;
    const countedMonths = Math.min(months, MONTHS_CAP);
    const outcome = measureOutcome(e, nationalChanges, today);
    const outcomeFactor = outcome === null ? 1 : outcomeFactorOf(outcome.relativeChange);
    scored = {
      ...base,
      counted: true,
      exclusion: null,
      countedMonths,
      needWeight,
      deprivationWeight,
      outcome,
      outcomeFactor,
      points: round(needWeight * deprivationWeight * countedMonths * outcomeFactor, 2),
    };
  }
  return { ...scored, reason: reasonOf(scored, true) };
}

export interface Recognition {
  leaders: RecognisedLeaderRecord[];
  schools: RecognisedSchoolRecord[];
  engagementsConsidered: number;
  engagementsCounted: number;
  /** Counted engagements whose outcome could be measured, over every leader, not just the first. */
  outcomesMeasured: number;
}

const byPointsThenId = (
  a: { points: number; id: string },
  b: { points: number; id: string },
): number => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Scores every engagement and ranks the leaders with points (ties by id) and the schools they
 * are based at (ties by URN), the first `first` of each.
 */
export function recognise(
  engagements: readonly RecognitionEngagement[],
  nationalChanges: ReadonlyMap<string, number>,
  today: string,
  first: number,
): Recognition {
  const byLeader = new Map<string, { baseUrn: number | null; contributions: Contribution[] }>();
  let counted = 0;
  let measured = 0;
  for (const engagement of engagements) {
    const contribution = scoreEngagement(engagement, nationalChanges, today);
    if (contribution.counted) counted += 1;
    if (contribution.counted && contribution.outcome !== null) measured += 1;
    const entry = byLeader.get(engagement.systemLeaderId) ?? {
      baseUrn: engagement.baseUrn,
      contributions: [],
    };
    entry.contributions.push(contribution);
    byLeader.set(engagement.systemLeaderId, entry);
  }

  const ranked = [...byLeader.entries()]
    .map(([id, { baseUrn, contributions }]) => ({
      id,
      baseUrn,
      points: round(
        contributions.reduce((sum, c) => sum + c.points, 0),
        2,
      ),
      contributions,
    }))
    .filter((leader) => leader.contributions.some((c) => c.counted))
    .sort(byPointsThenId);

  const schoolPoints = new Map<number, { points: number; leaders: string[] }>();
  for (const leader of ranked) {
    if (leader.baseUrn === null) continue;
    const entry = schoolPoints.get(leader.baseUrn) ?? { points: 0, leaders: [] };
    entry.points += leader.points;
    entry.leaders.push(leader.id);
    schoolPoints.set(leader.baseUrn, entry);
  }
  const schools = [...schoolPoints.entries()]
    .map(([urn, entry]) => ({ urn, points: round(entry.points, 2), leaders: entry.leaders }))
    .sort((a, b) => b.points - a.points || a.urn - b.urn)
    .slice(0, first)
    .map((school, index) => ({
      rank: index + 1,
      urn: school.urn,
      points: school.points,
      systemLeaderIds: school.leaders,
    }));

  const leaders = ranked.slice(0, first).map((leader, index) => ({
    rank: index + 1,
    systemLeaderId: leader.id,
    baseUrn: leader.baseUrn,
    points: leader.points,
    engagementsCounted: leader.contributions.filter((c) => c.counted).length,
    engagementsNotCounted: leader.contributions.filter((c) => !c.counted).length,
    contributions: [...leader.contributions].sort(
      (a, b) =>
        Number(b.counted) - Number(a.counted) ||
        b.points - a.points ||
        (a.engagementId < b.engagementId ? -1 : 1),
    ),
  }));

  return {
    leaders,
    schools,
    engagementsConsidered: engagements.length,
    engagementsCounted: counted,
    outcomesMeasured: measured,
  };
}
