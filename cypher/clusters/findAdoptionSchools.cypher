// findAdoptionSchools: what an adoption needs to know about each URN it names (ClusterRepository.adopt)
// params: $urns: list<int>   returns: one row per URN held as an establishment, in no order
UNWIND $urns AS urn
MATCH (e:Establishment {urn: urn})
RETURN e.urn AS urn, e.name AS name, e.laCode AS laCode,
  (e:School AND coalesce(e.status, "") STARTS WITH "Open") AS open,
  COLLECT {
    MATCH (e)-[:MEMBER_OF]->(p:Partnership {type: "CLUSTER"})
    WHERE coalesce(p.status, "Open") <> "Closed"
    RETURN p.id ORDER BY p.id
  } AS clusterIds
