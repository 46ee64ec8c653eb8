// lockSystemLeaderForEngagement: takes the system leader's write lock, then counts its open engagements and whether it already supports the school (EngagementRepository.record)
// params: $systemLeaderId: string, $urn: int   returns: one row when the leader exists; school is null when no school has the URN
MATCH (l:SystemLeader {id: $systemLeaderId})
SET l.engagementsChangedAt = datetime()
WITH l
OPTIONAL MATCH (s:School {urn: $urn})
RETURN
  l.capacity AS capacity,
  COUNT { (l)-[r:SUPPORTS]->(:School) WHERE r.end IS NULL OR r.end > date() } AS openEngagements,
  s { .urn, .regionCode } AS school,
  s IS NOT NULL AND EXISTS { (l)-[r:SUPPORTS]->(s) WHERE r.end IS NULL OR r.end > date() } AS alreadySupports
