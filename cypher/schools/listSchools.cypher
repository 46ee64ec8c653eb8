// listSchools: one page of schools in (name, urn) order, no area filter (SchoolRepository.list)
// The range predicate on s.name lets the planner walk the name index in order and stop at $limit.
// params: $afterName: string?, $afterUrn: int?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?, $limit: int   returns: see _schoolPage, which takes $properties, $areas, $memberships and $memberLimit
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
// include: schools/_schoolPage
