// countAreaSchools: an area's open schools and pupils by local authority and need band (FundingRepository.areaSchools)
// params: $laCode: int?, $regionCode: string?   returns: one row per (LA, need band) present; band null: not banded
MATCH (s:School)
WHERE s.laCode IS NOT NULL
  AND ($laCode IS NULL OR s.laCode = $laCode)
  AND ($regionCode IS NULL OR s.regionCode = $regionCode)
WITH s.laCode AS laCode, s.needBand AS band, count(*) AS schools, sum(coalesce(s.pupils, 0)) AS pupils
OPTIONAL MATCH (la:LocalAuthority {code: laCode})
RETURN laCode, la.name AS laName, band, schools, pupils
