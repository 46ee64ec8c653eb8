// mergeSchools: upsert School nodes with the properties only the bundle provides, their location
// and their local authority (facts other sources share go through updateSchoolFacts)
// params: $rows: list<{urn: int, open: boolean, laCode: int, regionCode: string?, latitude: float?,
//         longitude: float?, properties: map}>
// A null in properties removes a figure the bundle no longer has. A school no 2025 source lists
// has closed: it stays an Establishment with its properties, as history, but is no School.
UNWIND $rows AS row
MERGE (s:Establishment {urn: row.urn})
FOREACH (_ IN CASE WHEN row.open THEN [1] ELSE [] END | SET s:School REMOVE s.open)
FOREACH (_ IN CASE WHEN row.open THEN [] ELSE [1] END | REMOVE s:School SET s.open = false)
SET s += row.properties,
  s.laCode = row.laCode,
  s.regionCode = row.regionCode,
  s.location = CASE
    WHEN row.latitude IS NULL THEN null
    ELSE point({latitude: row.latitude, longitude: row.longitude})
  END
WITH s, row
CALL (s, row) {
  MATCH (s)-[moved:IN_LOCAL_AUTHORITY]->(other:LocalAuthority)
  WHERE other.code <> row.laCode
  DELETE moved
}
WITH s, row
MATCH (la:LocalAuthority {code: row.laCode})
MERGE (s)-[:IN_LOCAL_AUTHORITY]->(la)
