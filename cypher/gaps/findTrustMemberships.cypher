// findTrustMemberships: each school's multi-academy trust, for support within a school's own trust in the in-memory support snapshot (GapRepository.loadSnapshot)
// params: none   returns: one row: urns and trustIds, parallel lists (a school in two trusts is listed once, with the lower id)
// Memberships whose leavingOn has passed do not count.
MATCH (s:School)-[m:MEMBER_OF]->(p:Partnership {type: "MULTI_ACADEMY_TRUST"})
WHERE s.stateFunded = true AND (m.leavingOn IS NULL OR m.leavingOn > date())
WITH s.urn AS urn, min(p.id) AS trustId
RETURN collect(urn) AS urns, collect(trustId) AS trustIds
