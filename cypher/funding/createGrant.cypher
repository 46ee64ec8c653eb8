// createGrant: a grant recorded through the API, awarded to one school or one partnership (FundingRepository.record)
// params: $grant: map{id: string, fund: string, fundName: string, amountPence: int, matchedPence: int, matchedBy: string?, funder: string, purpose: string, createdBy: string}, $awardedOn: string, $startsOn: string, $endsOn: string, $urn: int?, $partnershipId: string?   returns: the grant
CREATE (g:Grant)
SET g = $grant, g.awardedOn = date($awardedOn), g.startsOn = date($startsOn),
  g.endsOn = date($endsOn), g.source = "service", g.createdAt = datetime()
WITH g
CALL (g) {
  MATCH (s:School {urn: $urn})
  CREATE (g)-[:AWARDED_TO]->(s)
}
CALL (g) {
  MATCH (p:Partnership {id: $partnershipId})
  CREATE (g)-[:AWARDED_TO]->(p)
}
RETURN g { .*, recipientUrn: $urn, recipientPartnershipId: $partnershipId } AS grant
