// mergeNeedBandRun: records a need-band computation once all its bands are written: versions used, when, and schools per band (NeedBandRepository)
// params: $familyVersion: int, $ruleVersion: int, $computedAt: string, $schools: int, $bandCounts: list<int>
// Written last: its computedAt is what running servers watch to reload their support snapshot.
MERGE (run:NeedBandRun {id: toString($familyVersion) + ':' + toString($ruleVersion)})
SET run.familyVersion = $familyVersion,
  run.ruleVersion = $ruleVersion,
  run.computedAt = datetime($computedAt),
  run.schools = $schools,
  run.bandCounts = $bandCounts
