// findEngagementsBySchoolUrns: the support engagements each of a batch of schools receives, with those the closed schools it replaced received, newest first (SystemLeaderLoader)
// params: $urns: list<int>   returns: one row per school with engagements: urn, engagements
// Predecessors are followed back along SUCCEEDED_BY up to three links, through closed
// establishments only. Each engagement names the school supported (urn) and the school whose
// list it is in (listedForUrn); regionCode is that school's region, for oversight. An engagement
// with a predecessor is history: never open, whatever its end date.
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
CALL (s) {
  MATCH path = (e:Establishment)-[:SUCCEEDED_BY*0..3]->(s)
  WHERE all(n IN nodes(path)[..-1] WHERE NOT n:School)
  WITH DISTINCT e
  MATCH (l:SystemLeader|FormerSystemLeader)-[r:SUPPORTS]->(e)
  RETURN l, r, e.urn AS supportedUrn
}
WITH urn, s, l, r, supportedUrn
ORDER BY r.start DESC, r.id
RETURN urn, collect(r { .*, systemLeaderId: l.id, urn: supportedUrn, listedForUrn: urn,
  regionCode: s.regionCode,
  open: supportedUrn = urn AND (r.end IS NULL OR r.end > date()) }) AS engagements
