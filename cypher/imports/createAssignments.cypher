// createAssignments: imported adviser assignments; key "<urn>|<kind>" keeps a school to one adviser of each kind (ImportRepository.write)
// params: $assignments: list<map{adviserId: string, urn: int, kind: string, importKey: string, since: string?}>, $assignedBy: string   returns: how many were made
UNWIND $assignments AS row
MATCH (a:Adviser {id: row.adviserId})
MATCH (s:School {urn: row.urn})
CREATE (a)-[r:ADVISES {
  since: coalesce(date(row.since), date()),
  source: "service",
  assignedBy: $assignedBy,
  assignedAt: datetime(),
  key: toString(row.urn) + "|" + row.kind,
  importKey: row.importKey
}]->(s)
RETURN count(r) AS created
