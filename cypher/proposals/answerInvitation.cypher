// answerInvitation: records a school's answer and the proposal's resulting status (ProposalRepository.respond)
// params: $proposalId: string, $urn: int, $invitationStatus: string, $proposalStatus: string, $respondedBy: string   returns: one row when the invitation exists
MATCH (pr:PartnershipProposal {id: $proposalId})-[i:INVITES]->(:School {urn: $urn})
SET i.status = $invitationStatus, i.respondedAt = datetime(), i.respondedBy = $respondedBy,
  pr.status = $proposalStatus
RETURN i.status AS status
