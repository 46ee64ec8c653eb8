// deleteSyntheticSystemLeaders: retires every generated system leader, when a real list replaces them
// params: none   returns: one row: deleted, withdrawn
// A leader with support engagements recorded is kept as history: it becomes a
// FormerSystemLeader (no longer supply) with its engagements; the others go with their links.
MATCH (l:SystemLeader)
WHERE l.synthetic = true
WITH l, EXISTS { (l)-[:SUPPORTS]->() } AS recorded
WITH collect(CASE WHEN recorded THEN l END) AS kept, collect(CASE WHEN NOT recorded THEN l END) AS gone
FOREACH (l IN kept |
  REMOVE l:SystemLeader
  SET l:FormerSystemLeader, l.withdrawnAt = datetime())
FOREACH (l IN gone | DETACH DELETE l)
RETURN size(gone) AS deleted, size(kept) AS withdrawn
