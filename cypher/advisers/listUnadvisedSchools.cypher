// listUnadvisedSchools: one page of an area's open state-funded schools without an adviser, neediest first: band 1 first (unbanded last), then need points descending, then URN (AdviserRepository.unadvised)
// An LA is read through the School(laCode) index; only England scans every school.
// params: $laCode: int?, $kind: string?, $afterBandRank: int?, $afterNeedPoints: int?, $afterUrn: int?, $limit: int   returns: school map, bandRank and needPoints per row, in need order
CALL () {
  MATCH (s:School {laCode: $laCode})
  RETURN s
  UNION ALL
  WITH 1 AS england WHERE $laCode IS NULL
  MATCH (s:School)
  RETURN s
}
WITH s WHERE s.stateFunded = true
  AND NOT EXISTS { MATCH (a:Adviser)-[:ADVISES]->(s) WHERE $kind IS NULL OR a.kind = $kind }
WITH s, coalesce(s.needBand, 5) AS bandRank, coalesce(s.needPoints, 0) AS needPoints
WHERE $afterUrn IS NULL
  OR bandRank > $afterBandRank
  OR (bandRank = $afterBandRank AND (needPoints < $afterNeedPoints
    OR (needPoints = $afterNeedPoints AND s.urn > $afterUrn)))
RETURN s {.*} AS school, bandRank, needPoints
ORDER BY bandRank, needPoints DESC, s.urn
LIMIT $limit
