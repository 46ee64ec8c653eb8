// findSnapshotEngagements: every support engagement, open or not, for the in-memory support snapshot (GapRepository.loadSnapshot)
// params: none   returns: one row per SUPPORTS relationship: systemLeaderId, urn, open
MATCH (l:SystemLeader)-[r:SUPPORTS]->(s:School)
RETURN l.id AS systemLeaderId, s.urn AS urn, (r.end IS NULL OR r.end > date()) AS open
