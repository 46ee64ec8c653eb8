// findFormerMembershipsBySchoolUrns: the partnerships each school in a batch has left (FormerMembershipsLoader)
// params: $urns: list<int>   returns: one row per school found, its ended memberships (WAS_MEMBER_OF) newest first
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
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
  } AS memberships
