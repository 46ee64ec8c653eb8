// clearStaleNeedBands: removes need bands an earlier computation left on schools this one did not band (no longer state-funded, or gone) (NeedBandRepository)
// params: $computedAt: string   returns: one row: cleared
MATCH (s:School)
WHERE s.needBand IS NOT NULL
  AND (s.needComputedAt IS NULL OR s.needComputedAt <> datetime($computedAt))
REMOVE s.needBand, s.needPoints, s.needReasons, s.needDetails, s.needAreas,
  s.needFamilyVersion, s.needRuleVersion, s.needComputedAt
RETURN count(s) AS cleared
