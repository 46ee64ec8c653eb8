// listSystemLeaders: one page of system leaders in (name, id) order, optionally of one region and designation, or whose name, or base school's name, town or local authority, contains a text (SystemLeaderRepository.list)
// params: $regionCode: string?, $designation: string?, $nameContains: string? (lower case), $afterName: string?, $afterId: string?, $limit: int   returns: up to $limit leader maps, in (name, id) order
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
  AND ($afterName IS NULL OR l.name > $afterName OR (l.name = $afterName AND l.id > $afterId))
WITH l
ORDER BY l.name, l.id
LIMIT $limit
OPTIONAL MATCH (person:Leader)-[:DESIGNATED_AS]->(l)
RETURN l {
  .*,
  holder: person { .id, .name, .synthetic },
  openEngagements: COUNT { (l)-[r:SUPPORTS]->(:School) WHERE r.end IS NULL OR r.end > date() }
} AS leader
ORDER BY l.name, l.id
