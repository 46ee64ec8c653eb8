// lockAdviser: takes an adviser's write lock, then reads it (AdviserRepository.assign, AdviserRepository.unassign)
// params: $id: string   returns: one row when the adviser exists
MATCH (a:Adviser {id: $id})
SET a.assignmentsChangedAt = datetime()
RETURN a {
  .*,
  partnershipId: COLLECT { MATCH (a)-[:WORKS_FOR]->(p:Partnership) RETURN p.id }[0],
  schoolCount: COUNT { (a)-[:ADVISES]->(:School) }
} AS adviser
