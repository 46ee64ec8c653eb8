// mergeSystemLeaders: upsert system leaders, each based at its school, whose location, region and LA it takes
// params: $rows: list<map{id: string, baseUrn: int, properties: map}>
// `properties` sets every other property; a null there removes it, so a reload leaves nothing stale.
UNWIND $rows AS row
MATCH (school:School {urn: row.baseUrn})
MERGE (l:SystemLeader {id: row.id})
SET l += row.properties,
  l.baseUrn = school.urn,
  l.location = school.location,
  l.regionCode = school.regionCode,
  l.laCode = school.laCode,
  l.loadedAt = datetime()
WITH l, school
CALL (l, school) {
  MATCH (l)-[old:BASED_AT]->(other:School)
  WHERE other <> school
  DELETE old
}
MERGE (l)-[:BASED_AT]->(school)
