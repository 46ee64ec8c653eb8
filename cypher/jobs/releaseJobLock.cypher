// releaseJobLock: gives up a batch job's lock, if this holder still has it (withJobLock)
// params: $job: string, $holder: string   returns: nothing
MATCH (l:JobLock {job: $job, holder: $holder})
REMOVE l.holder, l.until, l.since
