// deleteAssignment: the adviser stops advising a school (AdviserRepository.unassign)
// params: $id: string, $urn: int   returns: how many were removed
MATCH (:Adviser {id: $id})-[r:ADVISES]->(:School {urn: $urn})
DELETE r
RETURN count(*) AS removed
