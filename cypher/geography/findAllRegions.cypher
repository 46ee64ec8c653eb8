// findAllRegions: the nine English regions (GeographyRepository.findAllRegions)
// params: none   returns: one region map per row, ordered by code
MATCH (r:Region)
RETURN r {.*} AS region
ORDER BY r.code
