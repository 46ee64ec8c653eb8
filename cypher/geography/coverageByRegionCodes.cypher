// coverageByRegionCodes: partnership membership of each region's schools (RegionCoverageLoader)
// params: $keys: list<map{code: string, stateFundedOnly: boolean}>   returns: one row per key, by index i; memberTypes holds each member school once per partnership type it belongs to
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (s:School {regionCode: key.code})
  WHERE NOT key.stateFundedOnly OR s.stateFunded = true
  OPTIONAL MATCH (s)-[:MEMBER_OF]->(p:Partnership)
  WITH s, collect(DISTINCT p.type) AS types
  RETURN count(s) AS schools,
    count(CASE WHEN size(types) > 0 THEN 1 END) AS schoolsInPartnership,
    reduce(flat = [], t IN collect(types) | flat + t) AS memberTypes
}
RETURN i, schools, schoolsInPartnership, memberTypes
