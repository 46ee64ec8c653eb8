// findLocalAuthoritiesByRegionCodes: each region's local authorities, for a batch of regions (RegionLocalAuthoritiesLoader)
// params: $codes: list<string>   returns: one row per region found, its LAs ordered by name
UNWIND $codes AS code
MATCH (r:Region {code: code})
RETURN code,
  COLLECT {
    MATCH (la:LocalAuthority)-[:IN_REGION]->(r)
    WITH la ORDER BY la.name, la.code
    RETURN la {.*, regionCode: code}
  } AS localAuthorities
