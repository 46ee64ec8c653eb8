// findFamilyRunsByVersions: families runs for a batch of versions (FamilyRunLoader)
// params: $versions: list<int>   returns: one run map per version found, in no order
UNWIND $versions AS version
MATCH (run:FamilyRun)
WHERE run.version = version
RETURN run {.*, createdAtMs: run.createdAt.epochMillis} AS run
