// findAdvisersBySchoolUrns: each school's advisers with when they started, by kind (AdviserLoaders.advisersByUrn)
// params: $urns: list<int>   returns: one row per (school, adviser), in kind order
UNWIND $urns AS urn
MATCH (a:Adviser)-[r:ADVISES]->(s:School {urn: urn})
RETURN urn, r.since AS since, a {
  .*,
  partnershipId: COLLECT { MATCH (a)-[:WORKS_FOR]->(p:Partnership) RETURN p.id }[0],
  schoolCount: COUNT { (a)-[:ADVISES]->(:School) }
} AS adviser
ORDER BY urn, a.kind, a.name
