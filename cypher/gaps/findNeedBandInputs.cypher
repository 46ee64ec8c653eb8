// findNeedBandInputs: what the need-band rule reads about every state-funded school: Ofsted (latest and previous graded inspections, latest ungraded), KS2 results by year, KS4 2023/24, FSM %, and its family in one run (NeedBandRepository)
// params: $familyVersion: int   returns: one row per state-funded school: school map, family map or null
MATCH (s:School)
WHERE s.stateFunded = true
OPTIONAL MATCH (s)-[:IN_FAMILY {version: $familyVersion}]->(f:Family)
RETURN s {
  .urn, .phase, .ofstedGrade, .ofstedGradeBasis, .ofstedDate, .fsmPercent,
  .ks2RwmSeriesYears, .ks2RwmSeriesValues, .ks2RwmSeriesCohorts,
  .ks4Year, .ks4Progress8, .ks4Progress8Lower, .ks4Progress8Upper, .ks4Pupils, .ks4Attainment8,
  .ks4SeriesYears, .ks4SeriesProgress8,
  graded: COLLECT {
    MATCH (s)-[:INSPECTED]->(i:Inspection {kind: "GRADED"})
    RETURN i {
      .date, .overall, .qualityOfEducation, .behaviourAndAttitudes, .personalDevelopment,
      .leadershipAndManagement, .earlyYears, .sixthForm
    } ORDER BY i.date DESC LIMIT 2
  },
  ungraded: COLLECT {
    MATCH (s)-[:INSPECTED]->(i:Inspection {kind: "UNGRADED"})
    RETURN i { .date, .outcome } ORDER BY i.date DESC LIMIT 1
  }
} AS school,
f { .id, .medianKs4Attainment8 } AS family
