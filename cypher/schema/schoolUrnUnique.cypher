// schoolUrnUnique: one School per URN
CREATE CONSTRAINT school_urn_unique IF NOT EXISTS FOR (s:School) REQUIRE s.urn IS UNIQUE
