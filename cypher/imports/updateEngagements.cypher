// updateEngagements: imported support engagements whose focus or start changed (ImportRepository.write)
// params: $engagements: list<map{id: string, focus: string, startOn: string?}>, $updatedBy: string   returns: how many were changed
UNWIND $engagements AS row
MATCH ()-[r:SUPPORTS {id: row.id}]->()
SET r.focus = row.focus, r.start = coalesce(date(row.startOn), r.start),
  r.updatedBy = $updatedBy, r.updatedAt = datetime()
RETURN count(r) AS updated
