// listAuditEvents: audit events newest first, a page at a time (AuditRepository.list)
// Keyset on (at, id), both descending: the cursor is the last event of the previous page.
// params: $regionCodes: list<string>?, $action: string?, $urn: int?, $actorSub: string?, $afterAt: string?, $afterId: string?, $limit: int   returns: one event map per row
MATCH (e:AuditEvent)
WHERE ($regionCodes IS NULL OR any(code IN e.regionCodes WHERE code IN $regionCodes))
  AND ($action IS NULL OR e.action = $action)
  AND ($urn IS NULL OR $urn IN e.urns)
  AND ($actorSub IS NULL OR e.actorSub = $actorSub)
  AND ($afterAt IS NULL OR e.at < datetime($afterAt)
    OR (e.at = datetime($afterAt) AND e.id < $afterId))
RETURN e {.*} AS event
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
