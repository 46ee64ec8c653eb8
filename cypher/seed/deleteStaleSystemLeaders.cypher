// deleteStaleSystemLeaders: retires a source's system leaders that its latest load no longer has
// params: $source: string, $keep: list<string>   returns: one row: deleted, withdrawn
// A leader with support engagements recorded is kept as history: it becomes a
// FormerSystemLeader (no longer supply) with its engagements; the others go with their links.
MATCH (l:SystemLeader)
WHERE l.source = $source AND NOT l.id IN $keep
WITH l, EXISTS { (l)-[:SUPPORTS]->() } AS recorded
WITH collect(CASE WHEN recorded THEN l END) AS kept, collect(CASE WHEN NOT recorded THEN l END) AS gone
FOREACH (l IN kept |
  REMOVE l:SystemLeader
  SET l:FormerSystemLeader, l.withdrawnAt = datetime())
FOREACH (l IN gone | DETACH DELETE l)
RETURN size(gone) AS deleted, size(kept) AS withdrawn
