// landsOnKeyUnique: a grant lands on a school at most once
// LANDS_ON carries key "<grantId>|<urn>"; a retried or doubled write fails here instead of
// counting one school's share twice in every report.
CREATE CONSTRAINT lands_on_key_unique IF NOT EXISTS FOR ()-[r:LANDS_ON]-() REQUIRE r.key IS UNIQUE
