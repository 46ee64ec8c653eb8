// mergeSchools: upsert School nodes with the properties only the bundle provides, their location
// and their local authority (facts other sources share go through updateSchoolFacts)
// params: $rows: list<{urn: int, laCode: int, regionCode: string?, latitude: float?,
//         longitude: float?, properties: map}>
// A null in properties removes a figure the bundle no longer has.
UNWIND $rows AS row
MERGE (s:Establishment {urn: row.urn})
SET s:School
SET s += row.properties,
  s.laCode = row.laCode,
  s.regionCode = row.regionCode,
  s.location = CASE
    WHEN row.latitude IS NULL THEN null
    ELSE point({latitude: row.latitude, longitude: row.longitude})
  END
REMOVE s.open
WITH s, row
CALL (s, row) {
  MATCH (s)-[moved:IN_LOCAL_AUTHORITY]->(other:LocalAuthority)
  WHERE other.code <> row.laCode
  DELETE moved
}
WITH s, row
MATCH (la:LocalAuthority {code: row.laCode})
MERGE (s)-[:IN_LOCAL_AUTHORITY]->(la)
