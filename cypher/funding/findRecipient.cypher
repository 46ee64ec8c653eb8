// findRecipient: the school or partnership a grant would go to, with the regions it concerns and the schools its money would land on now (FundingRepository.record)
// A partnership's schools are its current members; a School Improvement Board's are the current
// members of the clusters it oversees. Each school comes with the pupils the shares are cut by.
// params: $urn: int?, $partnershipId: string?   returns: one row; found is false when the recipient is unknown
OPTIONAL MATCH (s:School {urn: $urn})
OPTIONAL MATCH (p:Partnership {id: $partnershipId})
WITH s, p,
  CASE WHEN p IS NULL THEN [] ELSE COLLECT {
    MATCH (m:School)-[r:MEMBER_OF]->(:Partnership)-[:OVERSEEN_BY*0..1]->(p)
    WHERE r.leavingOn IS NULL OR r.leavingOn > date()
    RETURN DISTINCT m
  } END AS members
WITH s, p, CASE WHEN s IS NOT NULL THEN [s] ELSE members END AS schools
RETURN s IS NOT NULL OR p IS NOT NULL AS found,
  [m IN schools WHERE m.regionCode IS NOT NULL | m.regionCode] AS regionCodes,
  [m IN schools | m { .urn, .pupils }] AS schools
