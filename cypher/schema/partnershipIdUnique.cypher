// partnershipIdUnique
CREATE CONSTRAINT partnership_id_unique IF NOT EXISTS FOR (p:Partnership) REQUIRE p.id IS UNIQUE
