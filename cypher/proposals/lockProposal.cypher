// lockProposal: takes the write lock on a proposal before its state is read (ProposalRepository.respond)
// Answers to one proposal queue here, so each sees the answers committed before it.
// params: $proposalId: string   returns: one row when the proposal exists
MATCH (pr:PartnershipProposal {id: $proposalId})
SET pr.updatedAt = datetime()
RETURN pr.id AS id
