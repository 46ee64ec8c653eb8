// markFamilyRunCurrent: makes one run the only current one, in a transaction of its own (SimilarityRepository.markCurrent)
// params: $version: int   returns: one row per run changed; none when the version does not exist
MATCH (target:FamilyRun)
WHERE target.version = $version
MATCH (run:FamilyRun)
WHERE run = target OR run.current = true
SET run.current = (run = target)
RETURN run.version AS version, run.current AS current
