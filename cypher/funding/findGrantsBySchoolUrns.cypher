// findGrantsBySchoolUrns: the grants awarded to each school itself, newest first, at most 100 a school (FundingLoaders.grantsByUrn)
// params: $urns: list<int>   returns: one row per (school, grant), in (urn, awardedOn desc, id) order
UNWIND $urns AS urn
MATCH (g:Grant)-[:AWARDED_TO]->(s:School {urn: urn})
WITH urn, g ORDER BY g.awardedOn DESC, g.id
WITH urn, collect(g)[..100] AS grants
UNWIND grants AS g
RETURN urn, g { .*, recipientUrn: urn, recipientPartnershipId: null } AS grant
