// formPartnership: the partnership an accepted proposal forms (ProposalRepository.respond)
// MERGE on the uniquely constrained id: concurrent first acceptances form one partnership.
// params: $proposalId: string, $partnership: map{id: string, name: string, type: string, status: string}, $createdBy: string   returns: the partnership id
MATCH (pr:PartnershipProposal {id: $proposalId})-[:OF_MODEL]->(model:CollaborationModel)
MERGE (p:Partnership {id: $partnership.id})
  ON CREATE SET p.name = $partnership.name, p.type = $partnership.type,
    p.status = $partnership.status, p.openedOn = date(), p.source = "service",
    p.createdBy = $createdBy
MERGE (p)-[:FOLLOWS_MODEL]->(model)
MERGE (pr)-[:FOR_PARTNERSHIP]->(p)
RETURN p.id AS id
