// findNeedBandInputs: every state-funded school's Ofsted grade, outcomes and FSM %, with the medians of its family in one run (NeedBandRepository)
// params: $familyVersion: int   returns: one row per state-funded school: school map, family medians map or null
MATCH (s:School)
WHERE s.stateFunded = true
OPTIONAL MATCH (s)-[:IN_FAMILY {version: $familyVersion}]->(f:Family)
RETURN s {
  .urn, .phase, .ofstedGrade, .ofstedGradeBasis, .ofstedDate, .fsmPercent, .ks4Progress8Band,
  .ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress, .ks2RwmExpected,
  .ks4Progress8, .ks4Attainment8
} AS school,
f {
  .id, .medianKs2ReadingProgress, .medianKs2WritingProgress, .medianKs2MathsProgress,
  .medianKs2RwmExpected, .medianKs4Progress8, .medianKs4Attainment8
} AS family
