// findProposalsByIds: proposals with their invitations and the regions of their schools (ProposalLoader, and inside writes)
// params: $ids: list<string>   returns: one proposal map per id found, in no order
UNWIND $ids AS id
MATCH (pr:PartnershipProposal {id: id})
RETURN pr {
  .id, .status, .modelId, .name, .proposerUrn, .partnershipId, .joinsExisting, .createdAt,
  partnershipExists: EXISTS { (:Partnership {id: pr.partnershipId}) },
  invitations: COLLECT {
    MATCH (pr)-[i:INVITES]->(s:School)
    WITH s, i ORDER BY s.urn
    RETURN {urn: s.urn, status: i.status, respondedAt: i.respondedAt}
  },
  regionCodes: COLLECT {
    MATCH (s:School)
    WHERE (pr)-[:INVITES]->(s) OR (s)-[:PROPOSED]->(pr)
    WITH DISTINCT s.regionCode AS code WHERE code IS NOT NULL
    RETURN code ORDER BY code
  }
} AS proposal
