// listSchoolsByRegionCode: one page of a region's schools in (name, urn) order (SchoolRepository.list)
// params: $properties: list<string>? (null: every property), $areas: boolean (also read its LA and region), $regionCode: string, $afterName: string?, $afterUrn: int?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?, $limit: int   returns: one row: `schools`, the page in (name, urn) order, each the school map or the values of $properties in order; when $areas, the `localAuthorities` and `regions` they are in
MATCH (s:School)
WHERE s.regionCode = $regionCode AND s.name >= coalesce($afterName, '') AND s.urn IS NOT NULL
  AND ($afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.urn > $afterUrn))
  AND ($phase IS NULL OR s.phase = $phase)
  AND ($stateFunded IS NULL OR s.stateFunded = $stateFunded)
  AND ($rural IS NULL OR s.rural = $rural)
  AND ($coastal IS NULL OR s.coastal = $coastal)
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS $nameContains)
// Ordered as school_region_code_name_urn is, so the index gives the order and the scan stops at the limit.
WITH s ORDER BY s.regionCode, s.name, s.urn LIMIT $limit
WITH collect(s) AS page
RETURN [s IN page | {
    school: CASE WHEN $properties IS NULL THEN properties(s) END,
    values: [property IN coalesce($properties, []) | s[property]]
  }] AS schools,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.laCode AS code
    MATCH (la:LocalAuthority {code: code})
    OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
    RETURN la {.*, regionCode: r.code}
  } ELSE [] END AS localAuthorities,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.regionCode AS code
    MATCH (r:Region {code: code})
    RETURN r {.*}
  } ELSE [] END AS regions
