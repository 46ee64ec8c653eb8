// completeFamilyRun: records how long a run took, as the last write of its transaction (SimilarityRepository.saveRun)
// params: $version: int, $durationMs: int   returns: one row per run updated
MATCH (run:FamilyRun)
WHERE run.version = $version
SET run.durationMs = $durationMs
RETURN run.version AS version
