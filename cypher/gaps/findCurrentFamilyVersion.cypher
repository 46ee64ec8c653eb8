// findCurrentFamilyVersion: the version of the current families run, which need bands compare schools within (NeedBandRepository)
// params: none   returns: at most one row: version
MATCH (run:FamilyRun)
WHERE run.current = true
RETURN run.version AS version
ORDER BY version DESC
LIMIT 1
