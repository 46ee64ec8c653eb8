// giveNotice: records that a school has given notice; it stays a member until leavingOn (ProposalRepository.leave)
// params: $partnershipId: string, $urn: int, $noticeGivenOn: string, $leavingOn: string   returns: the dates recorded
MATCH (:School {urn: $urn})-[m:MEMBER_OF]->(:Partnership {id: $partnershipId})
SET m.noticeGivenOn = date($noticeGivenOn), m.leavingOn = date($leavingOn)
RETURN m.noticeGivenOn AS noticeGivenOn, m.leavingOn AS leavingOn
