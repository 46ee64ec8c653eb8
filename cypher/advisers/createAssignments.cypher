// createAssignments: the adviser starts advising each school; key "<urn>|<kind>" is unique, so a school never gets two advisers of one kind (AdviserRepository.assign)
// params: $id: string, $kind: string, $urns: list<int>, $since: string? (ISO date; null: today), $assignedBy: string   returns: the URNs now advised
MATCH (a:Adviser {id: $id})
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
CREATE (a)-[r:ADVISES {
  since: coalesce(date($since), date()),
  source: "service",
  assignedBy: $assignedBy,
  assignedAt: datetime(),
  key: toString(urn) + "|" + $kind
}]->(s)
RETURN s.urn AS urn
