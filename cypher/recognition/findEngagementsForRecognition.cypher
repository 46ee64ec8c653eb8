// findEngagementsForRecognition: every support engagement given to a school in the region (or in England), with the supported school's need, deprivation and KS2 series and the leader's base school (RecognitionRepository.engagements)
// params: $regionCode: string? (null: England)   returns: one row: regionKnown, regionName, engagements (list of maps, one per SUPPORTS relationship)
OPTIONAL MATCH (region:Region {code: $regionCode})
CALL () {
  MATCH (l:SystemLeader)-[r:SUPPORTS]->(s:School)
  WHERE $regionCode IS NULL OR s.regionCode = $regionCode
  RETURN collect({
    id: r.id,
    systemLeaderId: l.id,
    baseUrn: head(COLLECT { MATCH (l)-[:BASED_AT]->(base:School) RETURN base.urn ORDER BY base.urn }),
    start: r.start,
    end: r.end,
    urn: s.urn,
    regionCode: s.regionCode,
    needBand: s.needBand,
    idaciDecile: s.idaciDecile,
    fsmPercent: s.fsmPercent,
    ks2Years: s.ks2RwmSeriesYears,
    ks2Values: s.ks2RwmSeriesValues
  }) AS engagements
}
RETURN region IS NOT NULL AS regionKnown, region.name AS regionName, engagements
