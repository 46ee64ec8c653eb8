// listSchoolsByRegionCode: one page of a region's schools in (name, urn) order (SchoolRepository.list)
// params: $properties: list<string>? (null: every property), $areas: boolean (also read its LA and region), $regionCode: string, $afterName: string?, $afterUrn: int?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?, $limit: int   returns: per row the school map, or the values of $properties in order, and its LA and region maps when $areas, in (name, urn) order
MATCH (s:School {regionCode: $regionCode})
WHERE ($afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.urn > $afterUrn))
  AND ($phase IS NULL OR s.phase = $phase)
  AND ($stateFunded IS NULL OR s.stateFunded = $stateFunded)
  AND ($rural IS NULL OR s.rural = $rural)
  AND ($coastal IS NULL OR s.coastal = $coastal)
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS $nameContains)
RETURN CASE WHEN $properties IS NULL THEN properties(s) END AS school,
  [property IN coalesce($properties, []) | s[property]] AS values,
  CASE WHEN $areas THEN COLLECT {
    MATCH (la:LocalAuthority {code: s.laCode})
    OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
    RETURN la {.*, regionCode: r.code}
  }[0] END AS localAuthority,
  CASE WHEN $areas THEN COLLECT { MATCH (r:Region {code: s.regionCode}) RETURN r {.*} }[0] END AS region
ORDER BY s.name, s.urn
LIMIT $limit
