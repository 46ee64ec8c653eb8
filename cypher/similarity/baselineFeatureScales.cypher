// baselineFeatureScales: benchmark baseline only: each phase's median and robust spread of every numeric feature, as features.ts scales them (bench/baseline-server.ts)
// params: $features: list<string>   returns: one row per phase and feature: median, q1, q3, standard deviation
MATCH (s:School)
WHERE s.phase IS NOT NULL
UNWIND $features AS feature
WITH s.phase AS phase, feature, s[feature] AS value
WHERE value IS NOT NULL
RETURN phase, feature,
  percentileCont(value, 0.5) AS median,
  percentileCont(value, 0.25) AS q1,
  percentileCont(value, 0.75) AS q3,
  stDevP(value) AS sd
