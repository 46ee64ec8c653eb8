// findLocalAuthorities: all local authorities, or those of one region (GeographyRepository.findLocalAuthorities)
// params: $regionCode: string?   returns: one LA map per row with its regionCode, ordered by name
MATCH (la:LocalAuthority)
OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
WITH la, r
WHERE $regionCode IS NULL OR r.code = $regionCode
RETURN la {.*, regionCode: r.code} AS localAuthority
ORDER BY la.name, la.code
