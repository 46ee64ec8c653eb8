// findAssignmentTargets: the schools named in an assignment, each with the adviser of the same kind it has now and whether it is the adviser's employer's (AdviserRepository.assign)
// params: $urns: list<int>, $kind: string, $laCode: int?, $partnershipId: string?   returns: one row per URN, found false when no open school has it
UNWIND $urns AS urn
OPTIONAL MATCH (s:School {urn: urn})
OPTIONAL MATCH (current:Adviser {kind: $kind})-[:ADVISES]->(s)
RETURN urn, s IS NOT NULL AS found, s.name AS name, s.regionCode AS regionCode,
  s.laCode = $laCode AS inCouncil,
  EXISTS {
    MATCH (s)-[m:MEMBER_OF]->(:Partnership {id: $partnershipId})
    WHERE m.leavingOn IS NULL OR m.leavingOn > date()
  } AS inPartnership,
  CASE WHEN current IS NULL THEN null ELSE {id: current.id, name: current.name} END AS currentAdviser
