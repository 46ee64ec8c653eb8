// findImpactFamilyVersion: the current families run the evaluation snapshot compares within (EvaluationRepository.loadSnapshot)
// params: none   returns: one row: familyVersion (null before any run)
OPTIONAL MATCH (run:FamilyRun)
WHERE run.current = true
RETURN max(run.version) AS familyVersion
