// countAreaSchools: an area's open schools and pupils by local authority and need band (FundingRepository.areaSchools)
// An LA or a region is read through its School index; only England scans every school.
// params: $laCode: int?, $regionCode: string?   returns: one row per (LA, need band) present; band null: not banded
CALL () {
  MATCH (s:School {laCode: $laCode})
  RETURN s
  UNION ALL
  WITH 1 AS region WHERE $laCode IS NULL
  MATCH (s:School {regionCode: $regionCode})
  RETURN s
  UNION ALL
  WITH 1 AS england WHERE $laCode IS NULL AND $regionCode IS NULL
  MATCH (s:School)
  RETURN s
}
WITH s WHERE s.laCode IS NOT NULL
  AND ($laCode IS NULL OR s.laCode = $laCode)
  AND ($regionCode IS NULL OR s.regionCode = $regionCode)
WITH s.laCode AS laCode, s.needBand AS band, count(*) AS schools, sum(coalesce(s.pupils, 0)) AS pupils
OPTIONAL MATCH (la:LocalAuthority {code: laCode})
RETURN laCode, la.name AS laName, band, schools, pupils
