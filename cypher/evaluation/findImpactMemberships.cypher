// findImpactMemberships: every school's current partnership memberships with their joining dates (EvaluationRepository.loadSnapshot)
// params: none   returns: urn, partnershipId, joinedOn (date or null) per membership, in no order
// A membership whose notice has run out (leavingOn passed) is over.
MATCH (s:School)-[m:MEMBER_OF]->(p:Partnership)
WHERE m.leavingOn IS NULL OR m.leavingOn > date()
RETURN s.urn AS urn, p.id AS partnershipId, m.joinedOn AS joinedOn
