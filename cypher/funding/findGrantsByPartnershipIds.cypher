// findGrantsByPartnershipIds: the grants awarded to each partnership, newest first, at most 100 a partnership (FundingLoaders.grantsByPartnershipId)
// params: $ids: list<string>   returns: one row per (partnership, grant), in (id, awardedOn desc, grant id) order
UNWIND $ids AS id
MATCH (g:Grant)-[:AWARDED_TO]->(p:Partnership {id: id})
WITH id, g ORDER BY g.awardedOn DESC, g.id
WITH id, collect(g)[..100] AS grants
UNWIND grants AS g
RETURN id, g { .*, recipientUrn: null, recipientPartnershipId: id } AS grant
