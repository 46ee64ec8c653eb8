// countSystemLeaders: how many system leaders match a list's filters (SystemLeaderRepository.count)
// params: $regionCode: string?, $designation: string?   returns: one row: total
MATCH (l:SystemLeader)
WHERE l.name IS NOT NULL
  AND ($regionCode IS NULL OR l.regionCode = $regionCode)
  AND ($designation IS NULL OR l.designation = $designation)
  AND ($nameContains IS NULL OR toLower(l.name) CONTAINS $nameContains
       OR EXISTS {
         MATCH (l)-[:BASED_AT]->(base:School)
         OPTIONAL MATCH (base)-[:IN_LOCAL_AUTHORITY]->(la:LocalAuthority)
         WITH base, la
         WHERE toLower(base.name) CONTAINS $nameContains
            OR toLower(coalesce(base.town, "")) CONTAINS $nameContains
            OR toLower(coalesce(la.name, "")) CONTAINS $nameContains
       })
RETURN count(l) AS total
