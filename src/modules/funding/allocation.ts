/**
 * Where a grant's money lands. The one rule every funding figure follows:
 *
 * - A grant to a school lands on that school.
 * - A grant to a partnership is shared among its member schools at the time it is awarded, in
 *   proportion to their pupils. A member without a pupil count is given the mean count of the members that
 *   have one; when no member has a count (or every count is zero) the shares are equal. A
 *   School Improvement Board's members are the schools of the clusters it oversees, so a
 *   fund given to the board lands on the clusters' schools.
 * - Matched money is shared the same way as the award, separately.
 *
 * Shares are whole pence by largest-remainder apportionment: each school first gets the floor
 * of its exact share, then the pence left over go one each to the largest remainders (ties to
 * the lower URN), so the shares always add up to the grant exactly and never lose a penny.
 * The arithmetic is done in BigInt, as pence × pupils can pass 2^53.
 *
 * Shares are fixed at award time: recordGrant cuts them in the transaction that records the
 * grant and stores them (`(Grant)-[:LANDS_ON]->(School)`), and every report reads those stored
 * shares. Members joining or leaving later never move money that was already awarded.
 */

export interface RecipientSchool {
  urn: number;
  /** Pupils on roll; null when the school has no count. */
  pupils: number | null;
}

export interface GrantToAllocate {
  amountPence: number;
  matchedPence: number;
}

export interface SchoolShare {
  urn: number;
  awardedPence: number;
  matchedPence: number;
}

/**
 * Whole-number weights proportional to each school's pupils, with missing counts replaced by
 * the mean of the others. Scaled by the number of known counts so the mean stays whole.
 */
export function shareWeights(schools: readonly RecipientSchool[]): bigint[] {
  const known = schools.filter(
    (school) => school.pupils !== null && Number.isFinite(school.pupils) && school.pupils >= 0,
  );
  const knownTotal = known.reduce((sum, school) => sum + BigInt(Math.round(school.pupils!)), 0n);
  if (known.length === 0 || knownTotal === 0n) return schools.map(() => 1n);
  const scale = BigInt(known.length);
  return schools.map((school) =>
    known.includes(school) ? BigInt(Math.round(school.pupils!)) * scale : knownTotal,
  );
}

/**
 * Splits `totalPence` in proportion to `weights` by largest remainder; ties in remainder go to
 * the earlier index. Weights must not all be zero unless the total is zero.
 */
export function apportion(totalPence: number, weights: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(totalPence) || totalPence < 0) {
    throw new RangeError(`Cannot apportion ${totalPence} pence.`);
  }
  if (weights.length === 0) return [];
  const total = BigInt(totalPence);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError("Cannot apportion over weights that are all zero.");
  const floors = weights.map((weight) => (total * weight) / weightSum);
  const remainders = weights.map((weight, index) => ({
    index,
    remainder: (total * weight) % weightSum,
  }));
  let left = total - floors.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    floors[index]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

/**
 * Each recipient school's share of a grant, awarded and matched money apart. Schools are
 * taken in URN order so the same members always share the same way. No schools: no shares.
 */
export function allocateGrant(
  grant: GrantToAllocate,
  schools: readonly RecipientSchool[],
): SchoolShare[] {
  if (schools.length === 0) return [];
  const ordered = [...schools].sort((a, b) => a.urn - b.urn);
  const weights = shareWeights(ordered);
  const awarded = apportion(grant.amountPence, weights);
  const matched = apportion(grant.matchedPence, weights);
  return ordered.map((school, i) => ({
    urn: school.urn,
    awardedPence: awarded[i]!,
    matchedPence: matched[i]!,
  }));
}
