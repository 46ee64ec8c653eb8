// findSnapshotSchools: every state-funded school's place, setting and need band, for the in-memory support snapshot (GapRepository.loadSnapshot)
// params: none   returns: one school map per state-funded school, in no order
MATCH (s:School)
WHERE s.stateFunded = true
RETURN s {
  .urn, .name, .phase, .governance, .laCode, .regionCode, .districtCode, .districtName,
  .location, .rural, .sparse, .coastal, .coastDistanceKm, .coastalBasis, .pupils, .ofstedGrade,
  .needBand, .needReasons, .needAreas
} AS school
