// findNeedByUrns: the stored need band of each of a batch of schools, with its reasons (NeedLoader)
// params: $urns: list<int>   returns: one row per school with a band: urn, need map
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
WHERE s.needBand IS NOT NULL
RETURN urn, s {
  .needBand, .needPoints, .needReasons, .needDetails, .needAreas, .needFamilyVersion,
  .needRuleVersion, .needComputedAt
} AS need
