// findLeadersByPartnershipIds: who leads each partnership in a batch (PartnershipLeadersLoader)
// params: $ids: list<string>   returns: one row per partnership found, leaders ordered by role then name
UNWIND $ids AS id
MATCH (p:Partnership {id: id})
RETURN id,
  COLLECT {
    MATCH (l:Leader)-[r:LEADS]->(p)
    WITH l, r ORDER BY r.role, l.name
    RETURN {leader: l {.*}, role: r.role, since: r.since, asOf: r.asOf, source: r.source}
  } AS leaders
