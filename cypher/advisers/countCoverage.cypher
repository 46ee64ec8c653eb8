// countCoverage: an area's open state-funded schools and how many have an adviser, by need band (AdviserRepository.coverage)
// params: $laCode: int?, $kind: string?   returns: one row per need band present (null: not banded)
MATCH (s:School)
WHERE s.stateFunded = true AND ($laCode IS NULL OR s.laCode = $laCode)
WITH s.needBand AS band,
  EXISTS { MATCH (a:Adviser)-[:ADVISES]->(s) WHERE $kind IS NULL OR a.kind = $kind } AS advised
RETURN band, count(*) AS schools, sum(CASE WHEN advised THEN 1 ELSE 0 END) AS advised
