// findPartnerContacts: how to reach each suggested partner: its trust and its Teaching School Hub (MatchingRepository.partnerContacts)
// A school's hub is the hub it leads, else the nearest hub whose lead school is in its region.
// params: $urns: list<int>, $trustTypes: list<string>   returns: one row per school found: urn, trustId, hubId
CALL () {
  MATCH (h:SystemLeader {designation: "TEACHING_SCHOOL_HUB"})
  RETURN collect(h { .id, .regionCode, .location, .baseUrn }) AS hubs
}
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
OPTIONAL CALL (s) {
  MATCH (s)-[:MEMBER_OF]->(p:Partnership)
  WHERE p.type IN $trustTypes
  RETURN p.id AS trustId
  ORDER BY p.id
  LIMIT 1
}
WITH urn, s, trustId,
  [h IN hubs WHERE h.baseUrn = s.urn
    OR (h.regionCode = s.regionCode AND h.location IS NOT NULL AND s.location IS NOT NULL)] AS near
WITH urn, trustId,
  [h IN near | {
    id: h.id,
    rank: CASE WHEN h.baseUrn = s.urn THEN -1.0 ELSE point.distance(h.location, s.location) END
  }] AS ranked
RETURN urn, trustId,
  reduce(best = null, h IN ranked |
    CASE WHEN best IS NULL OR h.rank < best.rank OR (h.rank = best.rank AND h.id < best.id)
      THEN h ELSE best END).id AS hubId
