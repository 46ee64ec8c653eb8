// createFamilies: a batch of one run's families, each with its members' IN_FAMILY relationships (SimilarityRepository.saveRun)
// params: $version: int, $families: list<map{id: string, phase: string, number: int, size: int, meanDistanceToCentroid: float, medians: map, members: list<map{urn: int, distanceToCentroid: float, imputed: list<string>}>}>   returns: one row: families and memberships created
MATCH (run:FamilyRun)
WHERE run.version = $version
UNWIND $families AS f
CREATE (family:Family {
  id: f.id, version: $version, phase: f.phase, number: f.number, size: f.size,
  meanDistanceToCentroid: f.meanDistanceToCentroid
})-[:IN_RUN]->(run)
SET family += f.medians
WITH family, f
UNWIND f.members AS m
MATCH (s:School {urn: m.urn})
CREATE (s)-[:IN_FAMILY {version: $version, distanceToCentroid: m.distanceToCentroid, imputed: m.imputed}]->(family)
RETURN count(DISTINCT family) AS families, count(*) AS memberships
