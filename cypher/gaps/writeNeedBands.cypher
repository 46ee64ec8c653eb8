// writeNeedBands: stores a batch of need bands on their schools, with the family and rule versions they came from and the computation's time (NeedBandRepository)
// params: $rows: list<map{urn: int, band: int, points: int, reasons: list<string>, details: list<string>, areas: list<string>}>, $familyVersion: int, $ruleVersion: int, $computedAt: string   returns: one row: written
UNWIND $rows AS row
MATCH (s:School {urn: row.urn})
SET s.needBand = row.band,
  s.needPoints = row.points,
  s.needReasons = row.reasons,
  s.needDetails = row.details,
  s.needAreas = row.areas,
  s.needFamilyVersion = $familyVersion,
  s.needRuleVersion = $ruleVersion,
  s.needComputedAt = datetime($computedAt)
RETURN count(s) AS written
