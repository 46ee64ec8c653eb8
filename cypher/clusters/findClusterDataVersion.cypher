// findClusterDataVersion: stamps and counts that change whenever what an LA's proposals are built from does, read before each use of a memoised proposal (ClusterRepository.dataVersion)
// params: $laCode: int   returns: one row when the LA exists: localAuthorityName, regionCode, sourcesLoadedAt, needComputedAt, schools, candidates, located, detailsAsOf, offerUpdatedAt
// findClusterCandidates reads the LA with its region and every property of the LA's schools. A
// full seed stamps Dataset.loadedAt and a need-band computation its NeedBandRun; what changes
// between those (a GIAS extract, a school's offers) moves the counts or the latest dates here.
MATCH (la:LocalAuthority {code: $laCode})
CALL (la) {
  OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
  RETURN min(r.code) AS regionCode
}
CALL () {
  OPTIONAL MATCH (d:Dataset)
  RETURN toString(max(d.loadedAt)) AS sourcesLoadedAt
}
CALL () {
  OPTIONAL MATCH (run:NeedBandRun)
  RETURN toString(max(run.computedAt)) AS needComputedAt
}
CALL () {
  OPTIONAL MATCH (s:School {laCode: $laCode})
  RETURN count(s) AS schools,
    count(CASE WHEN s.stateFunded = true AND s.status STARTS WITH "Open" THEN 1 END) AS candidates,
    count(s.location) AS located,
    toString(max(s.detailsAsOf)) AS detailsAsOf,
    toString(max(s.offerUpdatedAt)) AS offerUpdatedAt
}
RETURN la.name AS localAuthorityName, regionCode, sourcesLoadedAt, needComputedAt, schools,
  candidates, located, detailsAsOf, offerUpdatedAt
