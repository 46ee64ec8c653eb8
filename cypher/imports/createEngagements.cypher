// createEngagements: imported support engagements, each a new open SUPPORTS from a system leader to a school (ImportRepository.write)
// params: $engagements: list<map{id: string, importKey: string, systemLeaderId: string, urn: int, focus: string, startOn: string?}>, $createdBy: string   returns: how many were made
UNWIND $engagements AS row
MATCH (l:SystemLeader {id: row.systemLeaderId})
MATCH (s:School {urn: row.urn})
CREATE (l)-[r:SUPPORTS {
  id: row.id,
  importKey: row.importKey,
  start: coalesce(date(row.startOn), date()),
  end: null,
  focus: row.focus,
  outcome: null,
  source: "service",
  createdBy: $createdBy,
  createdAt: datetime()
}]->(s)
RETURN count(r) AS created
