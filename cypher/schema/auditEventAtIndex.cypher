// auditEventAtIndex: newest-first listing of audit events
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at)
