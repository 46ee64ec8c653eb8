// updateAssignments: imported assignments whose since changed, and assignments made one at a time that a file's row takes over (ImportRepository.write)
// params: $assignments: list<map{adviserId: string, urn: int, importKey: string, since: string?}>, $updatedBy: string   returns: how many were changed
UNWIND $assignments AS row
MATCH (:Adviser {id: row.adviserId})-[r:ADVISES]->(:School {urn: row.urn})
SET r.since = coalesce(date(row.since), r.since), r.importKey = row.importKey,
  r.updatedBy = $updatedBy, r.updatedAt = datetime()
RETURN count(r) AS updated
