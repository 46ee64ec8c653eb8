// findAdvisersByIds: advisers for a batch of ids (AdviserLoaders.adviserById)
// params: $ids: list<string>   returns: one adviser map per id found, in no order
UNWIND $ids AS id
MATCH (a:Adviser {id: id})
RETURN a {
  .*,
  partnershipId: COLLECT { MATCH (a)-[:WORKS_FOR]->(p:Partnership) RETURN p.id }[0],
  schoolCount: COUNT { (a)-[:ADVISES]->(:School) }
} AS adviser
