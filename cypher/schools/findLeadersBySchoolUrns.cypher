// findLeadersBySchoolUrns: who leads each school in a batch (SchoolLeadersLoader)
// params: $urns: list<int>   returns: one row per school found, leaders ordered by role then name
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (l:Leader)-[r:LEADS]->(s)
    WITH l, r ORDER BY r.role, l.name
    RETURN {leader: l {.*}, role: r.role, since: r.since, asOf: r.asOf, source: r.source}
  } AS leaders
