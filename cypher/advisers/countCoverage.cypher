// countCoverage: an area's open state-funded schools and how many have an adviser, by need band (AdviserRepository.coverage)
// An LA is read through the School(laCode) index; only England scans every school. A single
// `$laCode IS NULL OR s.laCode = $laCode` predicate would scan England for every LA.
// params: $laCode: int?, $kind: string?   returns: one row per need band present (null: not banded)
CALL () {
  MATCH (s:School {laCode: $laCode})
  RETURN s
  UNION ALL
  WITH 1 AS england WHERE $laCode IS NULL
  MATCH (s:School)
  RETURN s
}
WITH s WHERE s.stateFunded = true
WITH s.needBand AS band,
  EXISTS { MATCH (a:Adviser)-[:ADVISES]->(s) WHERE $kind IS NULL OR a.kind = $kind } AS advised
RETURN band, count(*) AS schools, sum(CASE WHEN advised THEN 1 ELSE 0 END) AS advised
