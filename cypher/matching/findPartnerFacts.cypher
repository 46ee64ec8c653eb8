// findPartnerFacts: what partner matching needs beyond the similarity index, for every school (PartnerFactsStore)
// Figures come with the year they describe and their dataset; a figure a school lacks is null.
// params: none   returns: one row per school with a phase
MATCH (s:School)
WHERE s.phase IS NOT NULL
RETURN s.urn AS urn, s.needBand AS needBand, s.statutoryHighAge AS highAge,
  s.ks2RwmExpected AS ks2RwmExpected, s.ks2RwmExpectedYear AS ks2RwmExpectedYear,
  s.ks2RwmExpectedSource AS ks2RwmExpectedSource,
  s.ks2ReadingProgress AS ks2ReadingProgress, s.ks2WritingProgress AS ks2WritingProgress,
  s.ks2MathsProgress AS ks2MathsProgress, s.ks2Year AS ks2Year, s.ks2Source AS ks2Source,
  s.ks4Progress8 AS ks4Progress8, s.ks4Attainment8 AS ks4Attainment8, s.ks4Year AS ks4Year,
  s.ks4Source AS ks4Source, s.ks4Progress8Lower AS ks4Progress8Lower,
  s.ks4Progress8Upper AS ks4Progress8Upper,
  s.ofstedGrade AS ofstedGrade, toString(s.ofstedDate) AS ofstedDate, s.ofstedSource AS ofstedSource,
  size(coalesce(s.offers, [])) > 0 AS offersTopics
