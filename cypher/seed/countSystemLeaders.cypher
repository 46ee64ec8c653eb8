// countSystemLeaders: how many SystemLeader nodes the graph holds (answered from the count store)
// params: none   returns: one row: systemLeaders
MATCH (l:SystemLeader)
RETURN count(l) AS systemLeaders
