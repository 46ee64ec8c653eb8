// findPartnershipMemberUrns: the URNs of schools in at least one partnership, for the in-memory support snapshot (GapRepository.loadSnapshot)
// params: none   returns: one row: urns
// One scan of MEMBER_OF is several times faster than an EXISTS per school.
MATCH (s:School)-[:MEMBER_OF]->(:Partnership)
RETURN collect(DISTINCT s.urn) AS urns
