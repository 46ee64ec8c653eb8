// findProposalsByIds: proposals with their invitations and the regions of their schools (ProposalLoader, and inside writes)
// params: $ids: list<string>   returns: one proposal map per id found, in no order
// Invitations to schools that have since closed are listed too (schoolOpen false): they are the
// proposal's history, though nobody can answer them any more.
UNWIND $ids AS id
MATCH (pr:PartnershipProposal {id: id})
RETURN pr {
  .id, .status, .modelId, .name, .proposerUrn, .partnershipId, .joinsExisting, .createdAt,
  partnershipExists: EXISTS { (:Partnership {id: pr.partnershipId}) },
  invitations: COLLECT {
    MATCH (pr)-[i:INVITES]->(s:Establishment)
    WITH s, i ORDER BY s.urn
    RETURN {urn: s.urn, status: i.status, respondedAt: i.respondedAt, schoolOpen: s:School}
  },
  regionCodes: COLLECT {
    MATCH (s:School)
    WHERE (pr)-[:INVITES]->(s) OR (s)-[:PROPOSED]->(pr)
    WITH DISTINCT s.regionCode AS code WHERE code IS NOT NULL
    RETURN code ORDER BY code
  }
} AS proposal
