// findClusterCandidates: a local authority and its open state-funded schools, located or not, in URN order (ClusterRepository.candidates)
// params: $laCode: int   returns: one row when the LA exists: localAuthority map, schools list of {school, needBand}
MATCH (la:LocalAuthority {code: $laCode})
OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
RETURN la {.*, regionCode: r.code} AS localAuthority,
  COLLECT {
    MATCH (s:School {laCode: $laCode})
    WHERE s.stateFunded = true AND s.status STARTS WITH "Open"
    WITH s ORDER BY s.urn
    RETURN {school: s {.*}, needBand: s.needBand}
  } AS schools
