// findEngagementsBySystemLeaderIds: the support engagements of each of a batch of system leaders, newest first, those with schools that have since closed included (SystemLeaderLoader)
// params: $ids: list<string>   returns: one row per leader with engagements: id, engagements
// An engagement with a closed school is never open: the school no longer exists.
UNWIND $ids AS id
MATCH (l:SystemLeader {id: id})-[r:SUPPORTS]->(s:Establishment)
WITH id, l, r, s
ORDER BY r.start DESC, r.id
RETURN id, collect(r { .*, systemLeaderId: l.id, urn: s.urn, regionCode: s.regionCode,
  open: s:School AND (r.end IS NULL OR r.end > date()) }) AS engagements
