// findMembershipsBySchoolUrns: the partnerships each school in a batch belongs to (MembershipsLoader)
// params: $urns: list<int>   returns: one row per school found, memberships ordered by partnership name
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (s)-[m:MEMBER_OF]->(p:Partnership)
    WITH p, m ORDER BY p.name, p.id
    RETURN {
      partnership: p {.*, memberCount: COUNT { (p)<-[:MEMBER_OF]-(:School) }},
      joinedOn: m.joinedOn
    }
  } AS memberships
