// findPartnerContacts: how to reach each suggested partner: its trust and its Teaching School Hub (MatchingRepository.partnerContacts)
// A school's hub is the hub it leads, else the nearest hub whose lead school is in its region.
// params: $urns: list<int>, $trustTypes: list<string>   returns: one row per school found: urn, trustId, hubId
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
OPTIONAL CALL (s) {
  MATCH (s)-[:MEMBER_OF]->(p:Partnership)
  WHERE p.type IN $trustTypes
  RETURN p.id AS trustId
  ORDER BY p.id
  LIMIT 1
}
OPTIONAL CALL (s) {
  MATCH (h:SystemLeader {designation: "TEACHING_SCHOOL_HUB"})
  WHERE EXISTS { (s)-[:DESIGNATED_AS]->(h) }
    OR (h.regionCode = s.regionCode AND h.location IS NOT NULL AND s.location IS NOT NULL)
  RETURN h.id AS hubId
  ORDER BY CASE WHEN EXISTS { (s)-[:DESIGNATED_AS]->(h) } THEN 0 ELSE 1 END,
    point.distance(h.location, s.location), h.id
  LIMIT 1
}
RETURN urn, trustId, hubId
