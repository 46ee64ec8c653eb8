// findImportSystemLeaders: the system leaders an import names, with their capacity and the schools they support now (ImportRepository.readState)
// An engagement is open while its end is null, today or later (as engagements/lockSystemLeaderForEngagement counts).
// params: $ids: list<string>   returns: one row per leader found, in no order
UNWIND $ids AS id
MATCH (l:SystemLeader {id: id})
RETURN l.id AS id, l.capacity AS capacity,
  COLLECT { MATCH (l)-[r:SUPPORTS]->(s:School) WHERE r.end IS NULL OR r.end > date() RETURN s.urn } AS openUrns
