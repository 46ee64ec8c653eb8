// findDataVersion: counts and stamps that change whenever the data behind the gap detector does, checked before each use of the in-memory snapshot (GapRepository.findDataVersion)
// params: none   returns: one row: familyVersion, needComputedAt, sourcesLoadedAt, schools, leaders, engagements, openEngagements, memberships
// Counts of all nodes of a label or relationships of a type come from the count store; the rest
// reads a handful of FamilyRun, NeedBandRun and Dataset nodes and the SUPPORTS relationships.
CALL () {
  OPTIONAL MATCH (run:FamilyRun)
  WHERE run.current = true
  RETURN max(run.version) AS familyVersion
}
CALL () {
  OPTIONAL MATCH (need:NeedBandRun)
  RETURN toString(max(need.computedAt)) AS needComputedAt
}
CALL () {
  OPTIONAL MATCH (d:Dataset)
  RETURN toString(max(d.loadedAt)) AS sourcesLoadedAt
}
CALL () {
  MATCH (s:School)
  RETURN count(s) AS schools
}
CALL () {
  MATCH (l:SystemLeader)
  RETURN count(l) AS leaders
}
CALL () {
  OPTIONAL MATCH ()-[r:SUPPORTS]->()
  RETURN count(r) AS engagements,
    count(CASE WHEN r.end IS NULL OR r.end > date() THEN 1 END) AS openEngagements
}
CALL () {
  MATCH ()-[m:MEMBER_OF]->()
  RETURN count(m) AS memberships
}
RETURN familyVersion, needComputedAt, sourcesLoadedAt, schools, leaders, engagements,
  openEngagements, memberships
