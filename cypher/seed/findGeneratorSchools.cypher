// findGeneratorSchools: the figures the synthetic system-leader generator applies DfE's criteria to, for every state-funded school
// params: none   returns: one row per state-funded school: school map with its GIAS headteacher (or null)
MATCH (s:School)
WHERE s.stateFunded = true
CALL (s) {
  OPTIONAL MATCH (head:Leader)-[led:LEADS]->(s)
  WHERE led.source STARTS WITH 'gias-edubasealldata-'
  RETURN head
  ORDER BY head.id
  LIMIT 1
}
RETURN s {
  .urn, .name, .phase, .ofstedGrade,
  .ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress, .ks2RwmExpected,
  .ks4Progress8, .ks4Progress8Band,
  hasLocation: s.location IS NOT NULL,
  head: head { .id, .name }
} AS school
