// createProposal: a proposal with its invitations, linked to its model and to the partnership it joins, if any (ProposalRepository.propose)
// params: $proposal: map{id: string, modelId: string, name: string?, proposerUrn: int, partnershipId: string, joinsExisting: bool, createdBy: string}, $inviteeUrns: list<int>   returns: the proposal id
MATCH (proposer:School {urn: $proposal.proposerUrn})
MATCH (model:CollaborationModel {id: $proposal.modelId})
CREATE (pr:PartnershipProposal {
  id: $proposal.id, status: "OPEN", modelId: $proposal.modelId, name: $proposal.name,
  proposerUrn: $proposal.proposerUrn, partnershipId: $proposal.partnershipId,
  joinsExisting: $proposal.joinsExisting, createdBy: $proposal.createdBy,
  createdAt: datetime(), updatedAt: datetime()
})
CREATE (proposer)-[:PROPOSED]->(pr)
CREATE (pr)-[:OF_MODEL]->(model)
WITH pr
CALL (pr) {
  UNWIND $inviteeUrns AS urn
  MATCH (invitee:School {urn: urn})
  CREATE (pr)-[:INVITES {status: "PENDING"}]->(invitee)
}
CALL (pr) {
  MATCH (p:Partnership {id: $proposal.partnershipId})
  WHERE $proposal.joinsExisting
  CREATE (pr)-[:FOR_PARTNERSHIP]->(p)
}
RETURN pr.id AS id
