// findBoardsByPartnershipIds: the chair, members and advising council of each board in a batch (BoardLoader)
// params: $ids: list<string>   returns: one row per partnership found: id, chairs (at most one), members (by name), councilCodes (at most one)
UNWIND $ids AS id
MATCH (b:Partnership {id: id})
RETURN id,
  COLLECT {
    MATCH (l:Leader)-[:CHAIRS]->(b)
    RETURN l {.name, .organisation} ORDER BY l.id LIMIT 1
  } AS chairs,
  COLLECT {
    MATCH (l:Leader)-[r:SITS_ON]->(b)
    OPTIONAL MATCH (l)-[:REPRESENTS]->(s:School)
    WITH l, r, min(s.urn) AS urn
    RETURN {name: l.name, role: r.role, organisation: l.organisation, urn: urn}
    ORDER BY l.name, l.id
  } AS members,
  COLLECT {
    MATCH (la:LocalAuthority)-[:ADVISES {role: "COUNCIL"}]->(b)
    RETURN la.code ORDER BY la.code LIMIT 1
  } AS councilCodes
