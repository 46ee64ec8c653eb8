// countSchoolsWithoutSearchFields: schools writeSearchFields has not reached yet (a graph loaded before search existed)
// params: none   returns: one row {missing}
MATCH (s:School)
WHERE s.searchName IS NULL
RETURN count(s) AS missing
