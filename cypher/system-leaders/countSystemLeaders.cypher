// countSystemLeaders: how many system leaders match a list's filters (SystemLeaderRepository.count)
// params: $regionCode: string?, $designation: string?   returns: one row: total
MATCH (l:SystemLeader)
WHERE l.name IS NOT NULL
  AND ($regionCode IS NULL OR l.regionCode = $regionCode)
  AND ($designation IS NULL OR l.designation = $designation)
RETURN count(l) AS total
