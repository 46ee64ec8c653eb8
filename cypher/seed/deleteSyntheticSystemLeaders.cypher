// deleteSyntheticSystemLeaders: removes every generated system leader, when a real list replaces them
// params: none   returns: one row: deleted
MATCH (l:SystemLeader)
WHERE l.synthetic = true
DETACH DELETE l
RETURN count(l) AS deleted
