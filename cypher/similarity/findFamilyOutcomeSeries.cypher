// findFamilyOutcomeSeries: the yearly outcome series of every member of the family a school is in for a run, itself included (SimilarityRepository.findFamilyOutcomeSeries)
// Series are parallel lists on School, years ascending, NaN where a year has no figure
// (cypher/README.md); only those lists are read.
// params: $urn: int, $version: int   returns: one row per member, in no order: its urn and series lists
MATCH (:School {urn: $urn})-[own:IN_FAMILY]->(family:Family)
WHERE own.version = $version
MATCH (s:School)-[:IN_FAMILY]->(family)
RETURN s.urn AS urn,
       s {
         .ks2RwmSeriesYears,
         .ks2RwmSeriesValues,
         .ks2RwmSeriesSource,
         .ks4SeriesYears,
         .ks4SeriesSources,
         .ks4SeriesProgress8,
         .ks4SeriesAttainment8,
         .ks4SeriesGrade5
       } AS series
