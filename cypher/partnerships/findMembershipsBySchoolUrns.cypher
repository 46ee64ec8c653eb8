// findMembershipsBySchoolUrns: the partnerships each school in a batch belongs to, and those it has
// left (MembershipsLoader)
// params: $urns: list<int>   returns: one row per school found, current memberships by partnership
// name, then former ones (WAS_MEMBER_OF) newest first
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (s)-[m:MEMBER_OF]->(p:Partnership)
    WITH p, m ORDER BY p.name, p.id
    RETURN {
      partnership: p {.*, openedOn: toString(p.openedOn), memberCount: COUNT { (p)<-[:MEMBER_OF]-(:School) }},
      joinedOn: toString(m.joinedOn),
      source: m.source
    }
  } AS memberships,
  COLLECT {
    MATCH (s)-[m:WAS_MEMBER_OF]->(p:Partnership)
    WITH p, m ORDER BY coalesce(m.leftOn, m.leftBy) DESC, p.name, p.id
    RETURN {
      partnership: p {.*, openedOn: toString(p.openedOn), memberCount: COUNT { (p)<-[:MEMBER_OF]-(:School) }},
      joinedOn: toString(m.joinedOn),
      source: m.source,
      leftOn: toString(m.leftOn),
      leftBy: toString(m.leftBy),
      leftSource: m.leftSource,
      reason: m.reason
    }
  } AS former
