// deleteFamilyRun: removes a run that is not current, with its families and their IN_FAMILY relationships (SimilarityRepository.deleteRun)
// params: $version: int   returns: one row: runs deleted (0 for an unknown or current version)
MATCH (run:FamilyRun)
WHERE run.version = $version AND NOT coalesce(run.current, false)
OPTIONAL MATCH (family:Family)-[:IN_RUN]->(run)
DETACH DELETE family
WITH DISTINCT run
DETACH DELETE run
RETURN count(run) AS runs
