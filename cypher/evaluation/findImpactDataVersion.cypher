// findImpactDataVersion: counts and stamps that change whenever the data behind the evaluation snapshot does (EvaluationRepository.findDataVersion)
// params: none   returns: one row: familyVersion, schools, memberships, ended, latestJoin, sourcesLoadedAt
// Every seed run stamps Dataset.loadedAt, so new figures are noticed; memberships made or ended in
// the service change the count or the latest joining date, and a notice running out `ended`.
CALL () {
  OPTIONAL MATCH (run:FamilyRun)
  WHERE run.current = true
  RETURN max(run.version) AS familyVersion
}
CALL () {
  MATCH (s:School)
  RETURN count(s) AS schools
}
CALL () {
  OPTIONAL MATCH (:School)-[m:MEMBER_OF]->(:Partnership)
  RETURN count(m) AS memberships, toString(max(m.joinedOn)) AS latestJoin,
    count(CASE WHEN m.leavingOn <= date() THEN 1 END) AS ended
}
CALL () {
  OPTIONAL MATCH (d:Dataset)
  RETURN toString(max(d.loadedAt)) AS sourcesLoadedAt
}
RETURN familyVersion, schools, memberships, ended, latestJoin, sourcesLoadedAt
