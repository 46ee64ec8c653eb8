// lockSupportEngagement: takes the write lock of an engagement's system leader, then reads the engagement as it stands (EngagementRepository.close)
// params: $id: string   returns: one row when the engagement exists
MATCH (l:SystemLeader)-[r:SUPPORTS {id: $id}]->(s:School)
SET l.engagementsChangedAt = datetime()
RETURN r { .*, systemLeaderId: l.id, urn: s.urn, open: r.end IS NULL OR r.end > date() } AS engagement,
  s.regionCode AS regionCode
