// familyRunVersionUnique: two concurrent runs cannot both take the next version
CREATE CONSTRAINT family_run_version_unique IF NOT EXISTS FOR (r:FamilyRun) REQUIRE r.version IS UNIQUE
