// findMembershipsBySchoolUrns: the partnerships each school in a batch belongs to (MembershipsLoader)
// School statements read the same for their own page when the operation asks (_schoolPage).
// params: $urns: list<int>   returns: one row per school found, its current memberships by partnership name
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
  } AS memberships
