// findImpactPartnerships: every partnership's id and type, every region's code and the features the given family run matched schools on (EvaluationRepository.loadSnapshot)
// params: $familyVersion: int?   returns: one row: partnerships (list of {id, type}), regionCodes (list), familyFeatures (list or null)
CALL () {
  MATCH (p:Partnership)
  RETURN collect({id: p.id, type: p.type}) AS partnerships
}
CALL () {
  MATCH (r:Region)
  RETURN collect(r.code) AS regionCodes
}
CALL () {
  OPTIONAL MATCH (run:FamilyRun {version: $familyVersion})
  RETURN run.features AS familyFeatures
}
RETURN partnerships, regionCodes, familyFeatures
