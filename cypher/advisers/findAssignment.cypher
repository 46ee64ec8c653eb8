// findAssignment: whether an adviser advises a school, with the school's region (AdviserRepository.unassign)
// params: $id: string, $urn: int   returns: one row when the adviser advises the school
MATCH (a:Adviser {id: $id})-[r:ADVISES]->(s:School {urn: $urn})
RETURN s.regionCode AS regionCode, s.name AS name, r { .* } AS assignment
