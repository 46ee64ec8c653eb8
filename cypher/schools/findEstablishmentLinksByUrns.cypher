// findEstablishmentLinksByUrns: predecessors and successors of a batch of establishments (SchoolLinksLoader)
// params: $urns: list<int>   returns: one row per URN found, with both lists ordered by date then URN
UNWIND $urns AS urn
MATCH (e:Establishment {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (p:Establishment)-[r:SUCCEEDED_BY]->(e)
    WITH p, r ORDER BY r.on, p.urn
    RETURN {urn: p.urn, name: p.name, open: p:School, reason: r.reason, on: r.on}
  } AS predecessors,
  COLLECT {
    MATCH (e)-[r:SUCCEEDED_BY]->(n:Establishment)
    WITH n, r ORDER BY r.on, n.urn
    RETURN {urn: n.urn, name: n.name, open: n:School, reason: r.reason, on: r.on}
  } AS successors
