// jobLockJobUnique: one lock per batch job (withJobLock), so two processes taking it meet on one node
CREATE CONSTRAINT job_lock_job_unique IF NOT EXISTS FOR (l:JobLock) REQUIRE l.job IS UNIQUE
