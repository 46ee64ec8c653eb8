// listProposalsBySchool: ids of the proposals a school, or a closed school it replaced, made or was invited by, newest first (ProposalService.forSchool)
// params: $urn: int, $status: string?, $limit: int   returns: one id per row
// Predecessors are followed back along SUCCEEDED_BY up to three links, through closed
// establishments only (an open school on the way keeps its own history).
MATCH (s:School {urn: $urn})
MATCH path = (e:Establishment)-[:SUCCEEDED_BY*0..3]->(s)
WHERE all(n IN nodes(path)[..-1] WHERE NOT n:School)
WITH DISTINCT e
CALL (e) {
  MATCH (e)-[:PROPOSED]->(pr:PartnershipProposal)
  RETURN pr
  UNION
  MATCH (pr:PartnershipProposal)-[:INVITES]->(e)
  RETURN pr
}
WITH DISTINCT pr WHERE $status IS NULL OR pr.status = $status
RETURN pr.id AS id
ORDER BY pr.createdAt DESC, pr.id DESC
LIMIT $limit
