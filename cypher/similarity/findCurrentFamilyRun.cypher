// findCurrentFamilyRun: the version, creation time and features version of the current families run, checked often and cheaply (SimilarityRepository.findCurrentRun)
// params: none   returns: at most one row: version, createdAtMs (epoch milliseconds), featuresVersion (1 for runs that recorded none)
MATCH (run:FamilyRun)
WHERE run.current = true
RETURN run.version AS version, run.createdAt.epochMillis AS createdAtMs,
  coalesce(run.featuresVersion, 1) AS featuresVersion
ORDER BY version DESC
LIMIT 1
