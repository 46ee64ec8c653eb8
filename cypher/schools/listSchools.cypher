// listSchools: one page of schools in (name, urn) order, no area filter (SchoolRepository.list)
// The range predicate on s.name lets the planner walk the name index in order and stop at $limit.
// params: $properties: list<string>? (null: every property), $areas: boolean (also read its LA and region), $afterName: string?, $afterUrn: int?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?, $limit: int   returns: one row: `schools`, the page in (name, urn) order, each the school map or the values of $properties in order; when $areas, the `localAuthorities` and `regions` they are in
MATCH (s:School)
WHERE s.name >= coalesce($afterName, '')
  AND ($afterName IS NULL OR s.name > $afterName OR s.urn > $afterUrn)
  AND ($phase IS NULL OR s.phase = $phase)
  AND ($stateFunded IS NULL OR s.stateFunded = $stateFunded)
  AND ($rural IS NULL OR s.rural = $rural)
  AND ($coastal IS NULL OR s.coastal = $coastal)
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS $nameContains)
WITH s ORDER BY s.name, s.urn LIMIT $limit
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
