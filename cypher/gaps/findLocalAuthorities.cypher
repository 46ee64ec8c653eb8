// findLocalAuthorities: every local authority with its region, for naming the gap detector's areas (GapRepository.loadSnapshot)
// params: none   returns: one row per LA: code, name, gssCode, regionCode, regionName
MATCH (la:LocalAuthority)
OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
RETURN la.code AS code, la.name AS name, la.gssCode AS gssCode, r.code AS regionCode,
  r.name AS regionName
