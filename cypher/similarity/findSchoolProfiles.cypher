// findSchoolProfiles: one page of schools' figures and partnerships, by URN, to build the in-memory FeatureIndex (SimilarityRepository.findProfiles)
// params: $afterUrn: int (0 for the first page), $limit: int   returns: up to $limit profile maps, by URN
// Read in pages, each its own short transaction, so a build at many times England's size stays
// inside the query timeout and each page's rows are garbage before the next is read. The
// school_urn_unique index gives the URN order, so a page stops at its limit.
MATCH (s:School)
WHERE s.urn > $afterUrn
WITH s
ORDER BY s.urn
LIMIT $limit
RETURN s {
  .urn, .name, .phase, .regionCode, .laCode, .location, .ruralUrbanCode, .rural, .sparse,
  .pupils, .fsmPercent, .ealPercent, .senPercent, .idaciScore, .ks2PriorAttainment,
  .ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress, .ks2RwmExpected,
  .ks4Progress8, .ks4Attainment8, .ofstedGrade,
  partnershipIds: [(s)-[:MEMBER_OF]->(p:Partnership) | p.id]
} AS profile
