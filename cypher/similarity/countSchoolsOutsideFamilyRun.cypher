// countSchoolsOutsideFamilyRun: open schools in no family of a run (loaded since it was computed)
// params: $version: int   returns: one row {schools}
MATCH (s:School)
WHERE NOT EXISTS { (s)-[:IN_FAMILY {version: $version}]->(:Family) }
RETURN count(s) AS schools
