// recordAuditEvent: one audit event, written in the same transaction as the change it records (recordAudit)
// params: $event: map{id: string, action: string, actorSub: string, actorRole: string, requestId: string?, targetType: string, targetId: string, urns: list<int>, regionCodes: list<string>, before: string, after: string}   returns: the event id
CREATE (e:AuditEvent)
SET e = $event, e.at = datetime()
RETURN e.id AS id
