// findCurrentFamilyRun: the version and creation time of the current families run, checked often and cheaply (SimilarityRepository.findCurrentRun)
// params: none   returns: at most one row: version, createdAtMs (epoch milliseconds)
MATCH (run:FamilyRun)
WHERE run.current = true
RETURN run.version AS version, run.createdAt.epochMillis AS createdAtMs
ORDER BY version DESC
LIMIT 1
