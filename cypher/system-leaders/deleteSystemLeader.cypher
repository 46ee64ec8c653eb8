// deleteSystemLeader: removes a system leader with its relationships, and the holder made with it through the API (EngagementRepository.revoke)
// params: $id: string   returns: nothing
MATCH (l:SystemLeader {id: $id})
OPTIONAL MATCH (h:Leader {id: "svc-holder-" + $id})-[:DESIGNATED_AS]->(l)
DETACH DELETE l, h
