// acquireJobLock: takes a batch job's lock for a lease, unless another process holds an unexpired one (withJobLock)
// params: $job: string, $holder: string, $leaseMs: int   returns: one row: acquired, holder, since, until
// The holder taking it again renews its lease.
// The node's lock is taken outright (`locked`) before its holder is read, so of two processes
// asking at once one waits for the other's commit and then sees its holder.
MERGE (l:JobLock {job: $job})
SET l.locked = true
WITH l
CALL (l) {
  WITH l
  WHERE l.holder IS NULL OR l.until < datetime() OR l.holder = $holder
  SET l.since = CASE WHEN l.holder = $holder THEN l.since ELSE datetime() END,
    l.holder = $holder,
    l.until = datetime() + duration({milliseconds: $leaseMs})
}
REMOVE l.locked
RETURN l.holder = $holder AS acquired, l.holder AS holder, toString(l.since) AS since,
  toString(l.until) AS until
