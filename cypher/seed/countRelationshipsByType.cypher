// countRelationshipsByType: relationships per type, for the import summary
// params: none   returns: {type, count} per type
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
