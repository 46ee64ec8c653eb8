// findDesignationSchools: the open school behind each URN a system-leader file names, with its GIAS headteacher
// params: $urns: list<int>   returns: one row per URN that leads to a school: urn, school map, head map or null
// A URN the graph knows only as the successor of an open school (a conversion after the census)
// leads to that school: it is the same school under its new number.
UNWIND $urns AS urn
OPTIONAL MATCH (direct:School {urn: urn})
CALL (urn, direct) {
  OPTIONAL MATCH (earlier:School)-[:SUCCEEDED_BY]->(:Establishment {urn: urn})
  WHERE direct IS NULL
  RETURN earlier
  ORDER BY earlier.urn DESC
  LIMIT 1
}
WITH urn, coalesce(direct, earlier) AS s
WHERE s IS NOT NULL
CALL (s) {
  OPTIONAL MATCH (head:Leader)-[led:LEADS]->(s)
  WHERE led.source STARTS WITH 'gias-edubasealldata-'
  RETURN head
  ORDER BY head.id
  LIMIT 1
}
RETURN urn,
  s { .urn, .name, .phase, .stateFunded, .regionCode, hasLocation: s.location IS NOT NULL } AS school,
  head { .id, .name } AS head
