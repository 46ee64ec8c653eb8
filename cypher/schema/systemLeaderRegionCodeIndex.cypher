// systemLeaderRegionCodeIndex: system leaders of one region
CREATE INDEX system_leader_region_code IF NOT EXISTS FOR (l:SystemLeader) ON (l.regionCode)
