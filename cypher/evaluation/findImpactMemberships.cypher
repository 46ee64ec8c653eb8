// findImpactMemberships: every school's partnership memberships with their joining dates, current or ended (EvaluationRepository.loadSnapshot)
// params: none   returns: urn, partnershipId, joinedOn (date or null), ended (boolean) per membership, in no order
// A membership whose notice has run out (leavingOn passed) is over: the school is no member, but
// it was one, so it may not serve as a comparison for the partnership either.
MATCH (s:School)-[m:MEMBER_OF]->(p:Partnership)
RETURN s.urn AS urn, p.id AS partnershipId, m.joinedOn AS joinedOn,
  coalesce(m.leavingOn <= date(), false) AS ended
