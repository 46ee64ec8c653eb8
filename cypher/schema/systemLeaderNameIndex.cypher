// systemLeaderNameIndex: system leaders listed in (name, id) order
CREATE INDEX system_leader_name IF NOT EXISTS FOR (l:SystemLeader) ON (l.name)
