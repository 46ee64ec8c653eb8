// findSchoolProfiles: every school's figures and partnerships, read once to build the in-memory FeatureIndex (SimilarityRepository.findProfiles)
// params: none   returns: one profile map per school, in no order
MATCH (s:School)
RETURN s {
  .urn, .name, .phase, .regionCode, .laCode, .location, .ruralUrbanCode, .rural, .sparse,
  .pupils, .fsmPercent, .ealPercent, .senPercent, .idaciScore, .ks2PriorAttainment,
  .ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress, .ks2RwmExpected,
  .ks4Progress8, .ks4Attainment8, .ofstedGrade,
  partnershipIds: [(s)-[:MEMBER_OF]->(p:Partnership) | p.id]
} AS profile
