// addMembership: makes a school a member of a partnership unless it already is (ProposalRepository.respond)
// also changes: memberships
// Writing the partnership node first takes its lock, so additions to one partnership queue and
// each sees the memberships committed before it; the key's uniqueness constraint
// (memberOfKeyUnique) refuses a duplicate all the same.
// params: $partnershipId: string, $urn: int, $key: string, $proposalId: string   returns: created (bool) when school and partnership exist
MATCH (p:Partnership {id: $partnershipId})
SET p.membersChangedAt = datetime()
WITH p
MATCH (s:School {urn: $urn})
WITH p, s, COUNT { (s)-[:MEMBER_OF]->(p) } = 0 AS missing
FOREACH (_ IN CASE WHEN missing THEN [1] ELSE [] END |
  CREATE (s)-[:MEMBER_OF {key: $key, joinedOn: date(), source: "service", proposalId: $proposalId}]->(p)
)
RETURN missing AS created
