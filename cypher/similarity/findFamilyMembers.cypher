// findFamilyMembers: one page of the members of the family a school is in for a run, in (name, urn) order (SimilarityRepository.findFamilyMembers)
// params: $urn: int, $version: int, $afterName: string?, $afterUrn: int?, $limit: int   returns: one row per member: school map and membership
MATCH (:School {urn: $urn})-[own:IN_FAMILY]->(family:Family)
WHERE own.version = $version
MATCH (s:School)-[membership:IN_FAMILY]->(family)
WHERE $afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.urn > $afterUrn)
RETURN s {.*} AS school, membership {.*} AS membership
ORDER BY s.name, s.urn
LIMIT $limit
