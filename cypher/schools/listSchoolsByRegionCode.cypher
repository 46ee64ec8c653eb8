// listSchoolsByRegionCode: one page of a region's schools in (name, urn) order (SchoolRepository.list)
// params: $regionCode: string, $afterName: string?, $afterUrn: int?, $phase: string?, $stateFunded: boolean?, $rural: boolean?, $coastal: boolean?, $nameContains: string?, $limit: int   returns: see _schoolPage, which takes $properties, $areas, $memberships and $memberLimit
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
// include: schools/_schoolPage
