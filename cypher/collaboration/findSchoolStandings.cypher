// findSchoolStandings: status and memberships of a batch of schools, for their collaboration options (SchoolStandingLoader)
// A membership's model is the one its partnership follows (partnerships made in the service);
// GIAS partnerships have none and follow their type's primary model.
// params: $urns: list<int>   returns: one row per school found, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN s {.urn, .name, .governance, .stateFunded, .regionCode} AS school,
  COLLECT {
    MATCH (s)-[:MEMBER_OF]->(p:Partnership)
    OPTIONAL MATCH (p)-[:FOLLOWS_MODEL]->(m:CollaborationModel)
    WITH p, m ORDER BY p.name, p.id
    RETURN {
      partnershipId: p.id, partnershipName: p.name, partnershipType: p.type,
      partnershipStatus: p.status, modelId: m.id
    }
  } AS memberships
