// replaceSchoolHeads: each school's headteacher as a GIAS extract names them
// params: $rows: list<{urn: int, id, title?, firstName?, lastName?, name, role, source,
//         asOf: "yyyy-mm-dd"}>
// The head from an extract at least as new as the last one replaces the previous GIAS head (who
// is deleted unless something else refers to them); an older extract changes nothing.
UNWIND $rows AS row
MATCH (s:School {urn: row.urn})
OPTIONAL MATCH (:Leader)-[current:LEADS]->(s)
  WHERE current.source STARTS WITH 'gias-edubasealldata-'
WITH s, row, date(row.asOf) AS asOf, max(current.asOf) AS currentAsOf
WHERE currentAsOf IS NULL OR currentAsOf <= asOf
CALL (s, row) {
  MATCH (previous:Leader)-[old:LEADS]->(s)
  WHERE old.source STARTS WITH 'gias-edubasealldata-' AND previous.id <> row.id
  DELETE old
  WITH DISTINCT previous
  WHERE NOT EXISTS { (previous)--() }
  DELETE previous
}
MERGE (l:Leader {id: row.id})
SET l.title = row.title,
  l.firstName = row.firstName,
  l.lastName = row.lastName,
  l.name = row.name,
  l.source = row.source
MERGE (l)-[r:LEADS]->(s)
SET r.role = row.role, r.since = null, r.source = row.source, r.asOf = asOf
