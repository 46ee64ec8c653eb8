// countNeedBands: how many schools carry a need band from this family version and rule version (NeedBandRepository, for --if-missing)
// params: $familyVersion: int, $ruleVersion: int   returns: one row: schools
MATCH (s:School)
WHERE s.needFamilyVersion = $familyVersion AND s.needRuleVersion = $ruleVersion
RETURN count(s) AS schools
