// recordAuditEvents: the audit events of an import, written in the transaction that makes its changes (ImportRepository.write)
// params: $events: list<map{id: string, action: string, actorSub: string, actorRole: string, requestId: string?, targetType: string, targetId: string, urns: list<int>, regionCodes: list<string>, before: string, after: string}>   returns: how many were recorded
UNWIND $events AS event
CREATE (e:AuditEvent)
SET e = event, e.at = datetime()
RETURN count(e) AS recorded
