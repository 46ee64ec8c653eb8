// lockAdvisers: takes the write lock of every adviser an assignments import names, as assignAdviser does (ImportRepository.readState)
// params: $ids: list<string>   returns: how many advisers were locked
UNWIND $ids AS id
MATCH (a:Adviser {id: id})
SET a.assignmentsChangedAt = datetime()
RETURN count(a) AS locked
