// lockSystemLeaderForRevoke: takes a system leader's write lock, then reads it with its engagements (EngagementRepository.revoke)
// params: $id: string   returns: one row when the leader exists
MATCH (l:SystemLeader {id: $id})
SET l.engagementsChangedAt = datetime()
WITH l
OPTIONAL MATCH (l)-[:BASED_AT]->(base:School)
RETURN l { .*, holder: null,
  openEngagements: COUNT { (l)-[r:SUPPORTS]->(:School) WHERE r.end IS NULL OR r.end > date() }
} AS leader,
  COUNT { (l)-[:SUPPORTS]->(:School) } AS engagements,
  base.urn AS baseUrn
