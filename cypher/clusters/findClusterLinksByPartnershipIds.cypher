// findClusterLinksByPartnershipIds: the board overseeing each partnership and the clusters each oversees (ClusterLinksLoader)
// params: $ids: list<string>   returns: one row per partnership found: id, overseenBy (at most one id), oversees (ids by name, then id)
UNWIND $ids AS id
MATCH (p:Partnership {id: id})
RETURN id,
  COLLECT { MATCH (p)-[:OVERSEEN_BY]->(b:Partnership) RETURN b.id ORDER BY b.id LIMIT 1 } AS overseenBy,
  COLLECT {
    MATCH (c:Partnership)-[:OVERSEEN_BY]->(p)
    RETURN c.id ORDER BY c.name, c.id
  } AS oversees
