// establishmentUrnUnique: one node per URN, open or former
CREATE CONSTRAINT establishment_urn_unique IF NOT EXISTS FOR (e:Establishment) REQUIRE e.urn IS UNIQUE
