// baselineSimilarSchools: benchmark baseline only: the nearest schools of the same phase on the CONTEXT features, computed by Neo4j on every request (bench/baseline-server.ts)
// Same rules as FeatureIndex.similar: robust z-scores per phase, a missing figure at the phase
// median (scaled 0), weighted squared differences, ties to the lower URN.
// params: $urn: int, $first: int, $scales: map, $weights: map (PRESETS.CONTEXT in features.ts)   returns: one row per similar school, nearest first
MATCH (me:School {urn: $urn})
WITH me, $scales[me.phase] AS sc
WITH me, sc,
  coalesce((me.pupils - sc.pupils.median) / sc.pupils.scale, 0.0) AS mePupils,
  coalesce((me.fsmPercent - sc.fsmPercent.median) / sc.fsmPercent.scale, 0.0) AS meFsm,
  coalesce((me.senPercent - sc.senPercent.median) / sc.senPercent.scale, 0.0) AS meSen
MATCH (s:School)
WHERE s.phase = me.phase AND s.urn <> me.urn
WITH s,
  $weights.pupils * (coalesce((s.pupils - sc.pupils.median) / sc.pupils.scale, 0.0) - mePupils) ^ 2
  + $weights.fsmPercent * (coalesce((s.fsmPercent - sc.fsmPercent.median) / sc.fsmPercent.scale, 0.0) - meFsm) ^ 2
  + $weights.senPercent * (coalesce((s.senPercent - sc.senPercent.median) / sc.senPercent.scale, 0.0) - meSen) ^ 2
  AS squared
ORDER BY squared, s.urn
LIMIT $first
RETURN s.urn AS urn, s.name AS name, sqrt(squared) AS distance
