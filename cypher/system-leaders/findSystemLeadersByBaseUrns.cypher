// findSystemLeadersByBaseUrns: the system leaders based at each of a batch of schools (SystemLeaderLoader)
// params: $urns: list<int>   returns: one row per school with leaders: urn, leaders (maps, by designation then id)
UNWIND $urns AS urn
MATCH (l:SystemLeader)-[:BASED_AT]->(:School {urn: urn})
OPTIONAL MATCH (person:Leader)-[:DESIGNATED_AS]->(l)
WITH urn, l, person
ORDER BY l.designation, l.id
RETURN urn, collect(l {
  .*,
  holder: person { .id, .name, .synthetic },
  openEngagements: COUNT { (l)-[r:SUPPORTS]->(:School) WHERE r.end IS NULL OR r.end > date() }
}) AS leaders
