// findMembershipForLeaving: locks a partnership and reads one school's membership of it (ProposalRepository.leave)
// params: $partnershipId: string, $urn: int   returns: one row when the partnership exists; membership null when the school is not a member
MATCH (p:Partnership {id: $partnershipId})
SET p.membersChangedAt = datetime()
WITH p
OPTIONAL MATCH (s:School {urn: $urn})-[m:MEMBER_OF]->(p)
OPTIONAL MATCH (p)-[:FOLLOWS_MODEL]->(model:CollaborationModel)
RETURN p {.id, .name, .type, .status, modelId: model.id} AS partnership,
  CASE WHEN m IS NULL THEN null
    ELSE {urn: s.urn, regionCode: s.regionCode, joinedOn: m.joinedOn,
      noticeGivenOn: m.noticeGivenOn, leavingOn: m.leavingOn, key: m.key, source: m.source}
  END AS membership
