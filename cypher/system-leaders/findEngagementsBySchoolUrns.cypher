// findEngagementsBySchoolUrns: the support engagements each of a batch of schools receives, newest first (SystemLeaderLoader)
// params: $urns: list<int>   returns: one row per school with engagements: urn, engagements
UNWIND $urns AS urn
MATCH (l:SystemLeader)-[r:SUPPORTS]->(s:School {urn: urn})
WITH urn, l, r, s
ORDER BY r.start DESC, r.id
RETURN urn, collect(r { .*, systemLeaderId: l.id, urn: s.urn, regionCode: s.regionCode,
  open: r.end IS NULL OR r.end >= date() }) AS engagements
