// findEngagementsBySystemLeaderIds: the support engagements of each of a batch of system leaders, newest first (SystemLeaderLoader)
// params: $ids: list<string>   returns: one row per leader with engagements: id, engagements
UNWIND $ids AS id
MATCH (l:SystemLeader {id: id})-[r:SUPPORTS]->(s:School)
WITH id, l, r, s
ORDER BY r.start DESC, r.id
RETURN id, collect(r { .*, systemLeaderId: l.id, urn: s.urn, regionCode: s.regionCode,
  open: r.end IS NULL OR r.end >= date() }) AS engagements
