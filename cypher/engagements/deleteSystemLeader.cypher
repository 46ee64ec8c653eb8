// deleteSystemLeader: removes a system leader with its relationships (EngagementRepository.revoke)
// params: $id: string   returns: nothing
MATCH (l:SystemLeader {id: $id})
DETACH DELETE l
