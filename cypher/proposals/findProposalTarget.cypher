// findProposalTarget: the partnership a proposal names to join, and which of its schools are already members (ProposalRepository.propose)
// params: $partnershipId: string, $urns: list<int>   returns: one row when the partnership exists
MATCH (p:Partnership {id: $partnershipId})
OPTIONAL MATCH (p)-[:FOLLOWS_MODEL]->(m:CollaborationModel)
RETURN p.id AS id, p.name AS name, p.type AS type, p.status AS status, m.id AS modelId,
  [urn IN $urns WHERE EXISTS { (:School {urn: urn})-[:MEMBER_OF]->(p) }] AS memberUrns
