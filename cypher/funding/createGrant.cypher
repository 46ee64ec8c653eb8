// createGrant: a grant recorded through the API, awarded to one school or one partnership, with the share of it landing on each school (FundingRepository.record)
// The shares are cut once, at award, and stored on LANDS_ON so later membership changes never
// move money that was already spent.
// params: $grant: map{id: string, fund: string, fundName: string, amountPence: int, matchedPence: int, matchedBy: string?, funder: string, purpose: string, createdBy: string}, $awardedOn: string, $startsOn: string, $endsOn: string, $urn: int?, $partnershipId: string?, $shares: list<map{urn: int, awardedPence: int, matchedPence: int, pupils: int?}>   returns: the grant and how many shares were stored
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
CALL (g) {
  UNWIND $shares AS share
  MATCH (s:School {urn: share.urn})
  CREATE (g)-[l:LANDS_ON]->(s)
  SET l.awardedPence = share.awardedPence, l.matchedPence = share.matchedPence,
    l.pupils = share.pupils, l.key = g.id + "|" + toString(share.urn)
  RETURN count(l) AS landed
}
RETURN g { .*, recipientUrn: $urn, recipientPartnershipId: $partnershipId } AS grant, landed
