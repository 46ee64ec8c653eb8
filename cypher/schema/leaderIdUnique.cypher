// leaderIdUnique
CREATE CONSTRAINT leader_id_unique IF NOT EXISTS FOR (l:Leader) REQUIRE l.id IS UNIQUE
