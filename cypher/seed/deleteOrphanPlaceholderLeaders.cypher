// deleteOrphanPlaceholderLeaders: removes placeholder Leaders no designation refers to any more
// params: none   returns: one row: deleted
MATCH (p:Leader)
WHERE p.synthetic = true AND NOT EXISTS { (p)--() }
DELETE p
RETURN count(p) AS deleted
