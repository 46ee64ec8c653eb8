// findSchoolsByAdviserIds: one page of the schools each adviser advises, in (name, urn) order (AdviserLoaders.schoolsPage)
// Keys carry their own limit and position, so pages of different sizes share one statement;
// LIMIT cannot take a per-row value, hence the list slice.
// params: $keys: list<map{adviserId: string, limit: int, afterName: string?, afterUrn: int?}>   returns: one row per key whose adviser exists, by index i, with the total
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:Adviser {id: key.adviserId})
CALL (a, key) {
  MATCH (a)-[:ADVISES]->(s:School)
  WITH s ORDER BY s.name, s.urn
  WITH collect(s) AS ordered
  RETURN size(ordered) AS total,
    [s IN ordered
      WHERE key.afterName IS NULL OR s.name > key.afterName
        OR (s.name = key.afterName AND s.urn > key.afterUrn)][0..key.limit] AS page
}
RETURN i, total, [s IN page | properties(s)] AS schools
