// createAdvisers: advisers imported from a council's file, each working for its council or partnership when given (ImportRepository.write)
// params: $advisers: list<map{id: string, importKey: string, name: string, kind: string, organisation: string, laCode: int?, partnershipId: string?}>, $createdBy: string   returns: how many were made
UNWIND $advisers AS row
CREATE (a:Adviser {
  id: row.id,
  importKey: row.importKey,
  name: row.name,
  kind: row.kind,
  organisation: row.organisation,
  laCode: row.laCode,
  source: "service",
  createdBy: $createdBy,
  createdAt: datetime()
})
WITH a, row
CALL (a, row) {
  MATCH (la:LocalAuthority {code: row.laCode})
  CREATE (a)-[:WORKS_FOR]->(la)
}
CALL (a, row) {
  MATCH (p:Partnership {id: row.partnershipId})
  CREATE (a)-[:WORKS_FOR]->(p)
}
RETURN count(a) AS created
