// countSchools: how many School nodes the graph holds (answered from the count store)
// params: none   returns: one row {schools}
MATCH (s:School)
RETURN count(s) AS schools
