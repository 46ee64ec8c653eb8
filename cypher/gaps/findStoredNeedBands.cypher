// findStoredNeedBands: every school's stored need band with the rule version that gave it, before a new computation replaces them (NeedBandRepository)
// params: none   returns: one row per school with a band: urn, name, band, ruleVersion, details
MATCH (s:School)
WHERE s.needBand IS NOT NULL
RETURN s.urn AS urn, s.name AS name, s.needBand AS band, s.needRuleVersion AS ruleVersion,
  s.needDetails AS details
