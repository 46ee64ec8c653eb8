// systemLeaderIdUnique: one node per designation (tsh-EE1, synthetic-nle-136776, list-sle-100000-1 ...)
CREATE CONSTRAINT system_leader_id_unique IF NOT EXISTS FOR (l:SystemLeader) REQUIRE l.id IS UNIQUE
