// removeMembership: ends a school's membership; a partnership made in the service with no members left is closed (ProposalRepository.leave)
// also changes: memberships
// params: $partnershipId: string, $urn: int   returns: removed (count) and the partnership's status after
MATCH (s:School {urn: $urn})-[m:MEMBER_OF]->(p:Partnership {id: $partnershipId})
DELETE m
WITH p, count(m) AS removed
SET p.status = CASE
  WHEN p.source = "service" AND NOT EXISTS { (:School)-[:MEMBER_OF]->(p) } THEN "Closed"
  ELSE p.status END
RETURN removed, p.status AS status
