// createAdviser: an adviser recorded through the API, working for a council or partnership when given (AdviserRepository.register)
// params: $id: string, $name: string, $kind: string, $organisation: string, $laCode: int?, $partnershipId: string?, $createdBy: string   returns: the adviser
CREATE (a:Adviser {
  id: $id,
  name: $name,
  kind: $kind,
  organisation: $organisation,
  laCode: $laCode,
  source: "service",
  createdBy: $createdBy,
  createdAt: datetime()
})
WITH a
CALL (a) {
  MATCH (la:LocalAuthority {code: $laCode})
  CREATE (a)-[:WORKS_FOR]->(la)
}
CALL (a) {
  MATCH (p:Partnership {id: $partnershipId})
  CREATE (a)-[:WORKS_FOR]->(p)
}
RETURN a { .*, partnershipId: $partnershipId, schoolCount: 0 } AS adviser
