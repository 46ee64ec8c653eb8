// countListedSystemLeaders: how many system leaders came from user-loaded lists (the generator stands aside when any did)
// params: none   returns: one row: listed
MATCH (l:SystemLeader)
WHERE l.source STARTS WITH 'system-leaders-list:'
RETURN count(l) AS listed
