// createSupportEngagement: a new open SUPPORTS relationship from a system leader to a school (EngagementRepository.record)
// params: $systemLeaderId: string, $urn: int, $id: string, $focus: string, $startOn: string|null (ISO date; null: today), $createdBy: string   returns: the engagement
MATCH (l:SystemLeader {id: $systemLeaderId})
MATCH (s:School {urn: $urn})
CREATE (l)-[r:SUPPORTS {
  id: $id,
  start: coalesce(date($startOn), date()),
  end: null,
  focus: $focus,
  outcome: null,
  source: "service",
  createdBy: $createdBy,
  createdAt: datetime()
}]->(s)
RETURN r { .*, systemLeaderId: l.id, urn: s.urn, open: true } AS engagement
