// findFamilyRuns: every families run, newest first (SimilarityRepository.findRuns)
// params: none   returns: one run map per row, createdAtMs in epoch milliseconds
MATCH (run:FamilyRun)
RETURN run {.*, createdAtMs: run.createdAt.epochMillis} AS run
ORDER BY run.version DESC
