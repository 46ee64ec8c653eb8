// findSystemLeadersByIds: system leaders for a batch of ids, with who holds each and its open engagements (SystemLeaderLoader)
// params: $ids: list<string>   returns: one leader map per id found, in no order
UNWIND $ids AS id
MATCH (l:SystemLeader {id: id})
OPTIONAL MATCH (person:Leader)-[:DESIGNATED_AS]->(l)
RETURN l {
  .*,
  holder: person { .id, .name, .synthetic },
  openEngagements: COUNT { (l)-[r:SUPPORTS]->(:School) WHERE r.end IS NULL OR r.end > date() }
} AS leader
