// createGrants: imported grants, each awarded to one school or partnership, with the share landing on each school (ImportRepository.write)
// params: $grants: list<map{grant: map, awardedOn: string, startsOn: string, endsOn: string, recipientUrn: int?, recipientPartnershipId: string?, shares: list<map{urn: int, awardedPence: int, matchedPence: int, pupils: int?}>}>, $createdBy: string   returns: grants made and shares stored
UNWIND $grants AS row
CREATE (g:Grant)
SET g = row.grant, g.awardedOn = date(row.awardedOn), g.startsOn = date(row.startsOn),
  g.endsOn = date(row.endsOn), g.source = "service", g.createdBy = $createdBy,
  g.createdAt = datetime()
WITH g, row
CALL (g, row) {
  MATCH (s:School {urn: row.recipientUrn})
  CREATE (g)-[:AWARDED_TO]->(s)
}
CALL (g, row) {
  MATCH (p:Partnership {id: row.recipientPartnershipId})
  CREATE (g)-[:AWARDED_TO]->(p)
}
CALL (g, row) {
  UNWIND row.shares AS share
  MATCH (s:School {urn: share.urn})
  CREATE (g)-[l:LANDS_ON]->(s)
  SET l.awardedPence = share.awardedPence, l.matchedPence = share.matchedPence,
    l.pupils = share.pupils, l.key = g.id + "|" + toString(share.urn)
  RETURN count(l) AS landed
}
RETURN count(g) AS created, sum(landed) AS landed
