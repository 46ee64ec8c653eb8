/**
 * The advisers module's rules. Coverage is weighted by need: a band-1 school (most need) counts
 * four times as much as a band-4 school, so an area that advises its neediest schools first
 * scores higher than one that advises the same number of schools chosen at random.
 *
 * These are coverage weights, a priority over all four bands. They are not the gap detector's
 * need weights (gaps/gap-index.ts: 2 and 1 for bands 1 and 2, none for 3 and 4), which count the
 * support a school needs, nor recognition's (recognition.rules.ts), which value support given.
 */

/** Coverage weight of one school by need band; schools without a band weigh as band 4. */
export const COVERAGE_WEIGHTS: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 4, 2: 3, 3: 2, 4: 1 };
export const UNBANDED_COVERAGE_WEIGHT = 1;

export function coverageWeight(band: number | null): number {
  return band === 1 || band === 2 || band === 3 || band === 4
    ? COVERAGE_WEIGHTS[band]
    : UNBANDED_COVERAGE_WEIGHT;
}
