// findImpactSchools: every school with an outcome figure, a family in the given run or a partnership, with its series (EvaluationRepository.loadSnapshot)
// params: $familyVersion: int?   returns: urn, regionCode, familyId, ks2Years, ks2Values, ks4Progress8, ks4Year per row, in no order
MATCH (s:School)
OPTIONAL MATCH (s)-[:IN_FAMILY {version: $familyVersion}]->(family:Family)
WITH s, family
WHERE family IS NOT NULL OR s.ks2RwmSeriesYears IS NOT NULL OR s.ks4Progress8 IS NOT NULL
  OR EXISTS { (s)-[:MEMBER_OF]->(:Partnership) }
RETURN s.urn AS urn, s.regionCode AS regionCode, family.id AS familyId,
  s.ks2RwmSeriesYears AS ks2Years, s.ks2RwmSeriesValues AS ks2Values,
  s.ks4Progress8 AS ks4Progress8, s.ks4Year AS ks4Year
