// updateAdvisers: imported advisers whose row changed, their employer replaced by the row's (ImportRepository.write)
// params: $advisers: list<map{id: string, importKey: string, name: string, kind: string, organisation: string, laCode: int?, partnershipId: string?}>, $updatedBy: string   returns: how many were changed
UNWIND $advisers AS row
MATCH (a:Adviser {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.organisation = row.organisation,
  a.laCode = row.laCode, a.updatedBy = $updatedBy, a.updatedAt = datetime()
WITH a, row
CALL (a) {
  MATCH (a)-[w:WORKS_FOR]->()
  DELETE w
}
CALL (a, row) {
  MATCH (la:LocalAuthority {code: row.laCode})
  CREATE (a)-[:WORKS_FOR]->(la)
}
CALL (a, row) {
  MATCH (p:Partnership {id: row.partnershipId})
  CREATE (a)-[:WORKS_FOR]->(p)
}
RETURN count(a) AS updated
