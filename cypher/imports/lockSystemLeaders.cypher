// lockSystemLeaders: takes the write lock of every system leader an engagements import names, as recordSupportEngagement does (ImportRepository.readState)
// params: $ids: list<string>   returns: how many leaders were locked
UNWIND $ids AS id
MATCH (l:SystemLeader {id: id})
SET l.engagementsChangedAt = datetime()
RETURN count(l) AS locked
