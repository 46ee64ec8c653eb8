// findRecipient: the school or partnership a grant would go to, with the regions it concerns and a partnership's current members (FundingRepository.record)
// params: $urn: int?, $partnershipId: string?   returns: one row; found is false when the recipient is unknown
OPTIONAL MATCH (s:School {urn: $urn})
OPTIONAL MATCH (p:Partnership {id: $partnershipId})
WITH s, p,
  CASE WHEN p IS NULL THEN [] ELSE COLLECT {
    MATCH (m:School)-[r:MEMBER_OF]->(:Partnership)-[:OVERSEEN_BY*0..1]->(p)
    WHERE r.leavingOn IS NULL OR r.leavingOn > date()
    RETURN DISTINCT m
  } END AS members
RETURN s IS NOT NULL OR p IS NOT NULL AS found,
  CASE WHEN s IS NOT NULL THEN [s.regionCode] ELSE [m IN members WHERE m.regionCode IS NOT NULL | m.regionCode] END AS regionCodes,
  size(members) AS currentMembers,
  CASE WHEN s IS NOT NULL THEN [s.urn] ELSE [m IN members | m.urn] END AS urns
