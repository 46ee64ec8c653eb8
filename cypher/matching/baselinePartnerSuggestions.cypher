// baselinePartnerSuggestions: benchmark baseline only: same-phase partner suggestions scored by Neo4j on every request with the factors of suggestPartners (bench/baseline-server.ts)
// The point index finds the schools within reach; the rest is computed per candidate.
// params: $urn: int, $focus: string, $direction: int, $reachKm: float, $first: int, $scales: map,
//   $weights: map (FACTOR_WEIGHTS in matching.rules.ts), $contextWeights: map (PRESETS.CONTEXT),
//   $focusSaturation: float (FOCUS_SATURATION)   returns: one row per candidate, best first
MATCH (me:School {urn: $urn})
WHERE me.location IS NOT NULL
WITH me, $scales[me.phase] AS sc, [(me)-[:MEMBER_OF]->(p:Partnership) | p.id] AS mine,
  coalesce(me.seeks, []) AS seeks
WITH me, sc, mine, seeks,
  coalesce((me[$focus] - sc[$focus].median) / sc[$focus].scale, 0.0) AS meFocus,
  coalesce((me.pupils - sc.pupils.median) / sc.pupils.scale, 0.0) AS mePupils,
  coalesce((me.fsmPercent - sc.fsmPercent.median) / sc.fsmPercent.scale, 0.0) AS meFsm,
  coalesce((me.senPercent - sc.senPercent.median) / sc.senPercent.scale, 0.0) AS meSen
MATCH (c:School)
WHERE point.distance(c.location, me.location) <= $reachKm * 1000
  AND c.phase = me.phase AND c.urn <> me.urn AND c[$focus] IS NOT NULL
WITH me, sc, mine, seeks, meFocus, mePupils, meFsm, meSen, c,
  point.distance(c.location, me.location) / 1000.0 AS km,
  [(c)-[:MEMBER_OF]->(p:Partnership) | p.id] AS theirs,
  $direction * ((c[$focus] - sc[$focus].median) / sc[$focus].scale - meFocus) AS gap
WHERE gap > 0 AND none(id IN theirs WHERE id IN mine)
WITH c, km, gap, mine, theirs,
  CASE WHEN size(seeks) = 0 THEN 0.0
    ELSE toFloat(size([t IN seeks WHERE t IN coalesce(c.offers, [])])) / size(seeks) END AS sought,
  sqrt(
    $contextWeights.pupils * (coalesce((c.pupils - sc.pupils.median) / sc.pupils.scale, 0.0) - mePupils) ^ 2
    + $contextWeights.fsmPercent * (coalesce((c.fsmPercent - sc.fsmPercent.median) / sc.fsmPercent.scale, 0.0) - meFsm) ^ 2
    + $contextWeights.senPercent * (coalesce((c.senPercent - sc.senPercent.median) / sc.senPercent.scale, 0.0) - meSen) ^ 2
  ) AS contextDistance
WITH c, km,
  $weights.FOCUS_STRENGTH
    * CASE WHEN gap / $focusSaturation > 1 THEN 1.0 ELSE gap / $focusSaturation END
  + $weights.CONTEXT_SIMILARITY / (1 + contextDistance)
  + $weights.PROXIMITY * (1 - km / $reachKm)
  + $weights.CAPACITY / (1 + size(theirs))
  + $weights.NETWORK_BRIDGE * CASE WHEN size(mine) = 0 AND size(theirs) > 0 THEN 1 ELSE 0 END
  + $weights.OFFERS_WHAT_IS_SOUGHT * sought AS score
ORDER BY score DESC, km, c.urn
LIMIT $first
RETURN c.urn AS urn, c.name AS name, score, km AS distanceKm
