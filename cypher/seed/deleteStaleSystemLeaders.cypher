// deleteStaleSystemLeaders: removes a source's system leaders that its latest load no longer has, with their relationships
// params: $source: string, $keep: list<string>   returns: one row: deleted
MATCH (l:SystemLeader)
WHERE l.source = $source AND NOT l.id IN $keep
DETACH DELETE l
RETURN count(l) AS deleted
