// findPartnerFactsVersion: a stamp that changes when the facts partner matching caches may have (PartnerFactsStore)
// Need bands are rewritten with a new NeedBandRun.computedAt; figures arrive with a data load and a families run;
// offers change with School.offerUpdatedAt.
// params: none   returns: one row: version (string)
CALL () {
  OPTIONAL MATCH (n:NeedBandRun)
  RETURN max(n.computedAt) AS needAt
}
CALL () {
  OPTIONAL MATCH (r:FamilyRun {current: true})
  RETURN max(r.version) AS familyVersion, max(r.createdAt) AS familyAt
}
CALL () {
  MATCH (s:School)
  WHERE s.offerUpdatedAt IS NOT NULL
  RETURN max(s.offerUpdatedAt) AS offersAt
}
RETURN toString(needAt) + "|" + toString(familyVersion) + "|" + toString(familyAt) + "|" +
  toString(COUNT { (:School) }) + "|" + coalesce(toString(offersAt), "") AS version
