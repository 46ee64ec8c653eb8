/**
 * The advisers module's rules: who an adviser may advise, and how coverage is weighed.
 *
 * An assignment names schools that must all be open schools (NOT_FOUND otherwise). A council
 * improvement officer advises only its council's schools and a trust school improvement lead
 * only its trust's current members (BAD_USER_INPUT otherwise). A school has at most one adviser
 * of each kind: one that has another is a CONFLICT naming it, and schools the adviser already
 * advises are left as they are.
 *
 * Coverage is weighted by need: a band-1 school (most need) counts
 * four times as much as a band-4 school, so an area that advises its neediest schools first
 * scores higher than one that advises the same number of schools chosen at random.
 *
 * These are coverage weights, a priority over all four bands. They are not the gap detector's
 * need weights (gaps/gap-index.ts: 2 and 1 for bands 1 and 2, none for 3 and 4), which count the
 * support a school needs, nor recognition's (recognition.rules.ts), which value support given.
 */

import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.js";
import type { AdviserRecord, AssignmentTarget } from "./adviser.model.js";

/** NOT_FOUND naming every school of the request that is not an open school. */
export function checkTargetsFound(targets: readonly AssignmentTarget[]): void {
  const unknown = targets.filter((target) => !target.found).map((target) => target.urn);
  if (unknown.length > 0) {
    throw new NotFoundError(`No open school has URN ${unknown.join(", ")}.`, "input.urns");
  }
}

/** The schools outside the adviser's employer: its council's, or its trust's current members. */
export function outsideEmployer(
  adviser: AdviserRecord,
  targets: readonly AssignmentTarget[],
): number[] {
  if (adviser.kind === "COUNCIL_IMPROVEMENT_OFFICER") {
    return targets.filter((target) => !target.inCouncil).map((target) => target.urn);
  }
  if (adviser.kind === "TRUST_SCHOOL_IMPROVEMENT_LEAD") {
    return targets.filter((target) => !target.inPartnership).map((target) => target.urn);
  }
  return [];
}

/**
 * The schools the adviser starts advising: those without an adviser of its kind. Throws when a
 * school is outside its employer or has another adviser of its kind; nothing is assigned then.
 */
export function schoolsToAssign(
  adviser: AdviserRecord,
  targets: readonly AssignmentTarget[],
): number[] {
  const outside = outsideEmployer(adviser, targets);
  if (outside.length > 0) {
    throw new ValidationError(
      adviser.kind === "COUNCIL_IMPROVEMENT_OFFICER"
        ? `\`input.urns\`: a council improvement officer advises only its council's (${adviser.laCode}) schools; not ${outside.join(", ")}.`
        : `\`input.urns\`: a trust school improvement lead advises only its trust's (${adviser.partnershipId}) current members; not ${outside.join(", ")}.`,
      "input.urns",
    );
  }
  const taken = targets.find(
    (target) => target.currentAdviser !== null && target.currentAdviser.id !== adviser.id,
  );
  if (taken?.currentAdviser) {
    throw new ConflictError(
      `School ${taken.urn} (${taken.name}) already has a ${kindLabel(adviser.kind)}: ${taken.currentAdviser.name} (${taken.currentAdviser.id}). Unassign them first.`,
      { argument: "input.urns", urn: taken.urn, currentAdviserId: taken.currentAdviser.id },
    );
  }
  return targets.filter((target) => target.currentAdviser === null).map((target) => target.urn);
}

/** "COUNCIL_IMPROVEMENT_OFFICER" as "council improvement officer". */
export function kindLabel(kind: string): string {
  return kind.toLowerCase().replace(/_/g, " ");
}

/** Coverage weight of one school by need band; schools without a band weigh as band 4. */
export const COVERAGE_WEIGHTS: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 4, 2: 3, 3: 2, 4: 1 };
export const UNBANDED_COVERAGE_WEIGHT = 1;

export function coverageWeight(band: number | null): number {
  return band === 1 || band === 2 || band === 3 || band === 4
    ? COVERAGE_WEIGHTS[band]
    : UNBANDED_COVERAGE_WEIGHT;
}
