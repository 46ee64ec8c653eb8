// findFamilyMemberUrns: the URNs of every member of the family a school is in for a run, itself included (SimilarityRepository.findFamilyMemberUrns)
// params: $urn: int, $version: int   returns: one row per member, in no order
MATCH (:School {urn: $urn})-[own:IN_FAMILY]->(family:Family)
WHERE own.version = $version
MATCH (s:School)-[:IN_FAMILY]->(family)
RETURN s.urn AS urn
