// closeSupportEngagement: sets an engagement's end date and outcome (EngagementRepository.close)
// params: $id: string, $endOn: string|null (ISO date; null: today), $outcome: string, $closedBy: string   returns: the engagement
MATCH (l:SystemLeader)-[r:SUPPORTS {id: $id}]->(s:School)
SET r.end = coalesce(date($endOn), date()), r.outcome = $outcome, r.closedBy = $closedBy,
  r.closedAt = datetime()
RETURN r { .*, systemLeaderId: l.id, urn: s.urn, open: r.end > date() } AS engagement
