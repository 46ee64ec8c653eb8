// findEmployer: the local authority and partnership an adviser would work for, with their regions (AdviserRepository.register)
// params: $laCode: int?, $partnershipId: string?   returns: one row; localAuthority and partnership are null when absent or not asked for
OPTIONAL MATCH (la:LocalAuthority {code: $laCode})
OPTIONAL MATCH (la)-[:IN_REGION]->(region:Region)
OPTIONAL MATCH (p:Partnership {id: $partnershipId})
RETURN
  CASE WHEN la IS NULL THEN null ELSE {code: la.code, name: la.name, regionCode: region.code} END AS localAuthority,
  CASE WHEN p IS NULL THEN null ELSE {
    id: p.id,
    name: p.name,
    memberRegionCodes: COLLECT { MATCH (s:School)-[:MEMBER_OF]->(p) WHERE s.regionCode IS NOT NULL RETURN DISTINCT s.regionCode }
  } END AS partnership
