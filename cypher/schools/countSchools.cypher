// countSchools: how many schools match a filter, across all pages (SchoolRepository.count)
// params: $laCode: int?, $regionCode: string?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?   returns: one row with total
MATCH (s:School)
WHERE ($laCode IS NULL OR s.laCode = $laCode)
  AND ($regionCode IS NULL OR s.regionCode = $regionCode)
  AND ($phase IS NULL OR s.phase = $phase)
  AND ($stateFunded IS NULL OR s.stateFunded = $stateFunded)
  AND ($rural IS NULL OR s.rural = $rural)
  AND ($coastal IS NULL OR s.coastal = $coastal)
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS $nameContains)
RETURN count(s) AS total
