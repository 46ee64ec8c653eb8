// listProposalsBySchool: ids of the proposals a school made or was invited by, newest first (ProposalService.forSchool)
// params: $urn: int, $status: string?, $limit: int   returns: one id per row
MATCH (s:School {urn: $urn})
CALL (s) {
  MATCH (s)-[:PROPOSED]->(pr:PartnershipProposal)
  RETURN pr
  UNION
  MATCH (pr:PartnershipProposal)-[:INVITES]->(s)
  RETURN pr
}
WITH pr WHERE $status IS NULL OR pr.status = $status
RETURN pr.id AS id
ORDER BY pr.createdAt DESC, pr.id DESC
LIMIT $limit
