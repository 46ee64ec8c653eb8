/**
 * When a support engagement (a `SUPPORTS` relationship) is open: the one definition every
 * service and Cypher statement uses.
 *
 * An engagement is open while it has no end date or its end date is after today. An end date of
 * today means it closed today: it no longer takes a place of the leader's capacity, is not listed
 * by `engagements(openOnly: true)`, cannot be closed again and does not stop the designation from
 * being revoked. Cypher statements write the same rule as
 * `r.end IS NULL OR r.end > date()` (see cypher/README.md, "Open engagements").
 */

/** Whether an engagement ending on `end` (ISO date, null: no end yet) is open on `today` (ISO date). */
export function isOpenEngagement(end: string | null, today: string): boolean {
  return end === null || end > today;
}
