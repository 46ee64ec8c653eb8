// findGrantsBySchoolUrns: the grants awarded to each school and to the closed schools it replaced, newest first, at most 100 a school (FundingLoaders.grantsByUrn)
// params: $urns: list<int>   returns: one row per (school, grant), in (urn, awardedOn desc, id) order
// Predecessors are followed back along SUCCEEDED_BY up to three links, through closed
// establishments only (an open school on the way keeps its own history); recipientUrn is the
// URN each grant was awarded to.
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
CALL (s) {
  MATCH path = (e:Establishment)-[:SUCCEEDED_BY*0..3]->(s)
  WHERE all(n IN nodes(path)[..-1] WHERE NOT n:School)
  WITH DISTINCT e
  MATCH (g:Grant)-[:AWARDED_TO]->(e)
  RETURN DISTINCT g, e.urn AS recipientUrn
}
WITH urn, g, recipientUrn ORDER BY g.awardedOn DESC, g.id
WITH urn, collect({grant: g, recipientUrn: recipientUrn})[..100] AS grants
UNWIND grants AS row
WITH urn, row.grant AS g, row.recipientUrn AS recipientUrn
RETURN urn, g { .*, recipientUrn: recipientUrn, recipientPartnershipId: null } AS grant
