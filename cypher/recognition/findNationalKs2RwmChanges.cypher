// findNationalKs2RwmChanges: for each pair of academic years, the mean change in KS2 RWM% over every school with a figure in both (RecognitionRepository.nationalChanges)
// params: $pairs: list<map{before: string, after: string}>   returns: one row per pair: before, after, meanChange (null when no school has both years), schools
UNWIND $pairs AS pair
CALL (pair) {
  MATCH (s:School)
  WHERE s.ks2RwmSeriesYears IS NOT NULL
  WITH s.ks2RwmSeriesYears AS years, s.ks2RwmSeriesValues AS values
  WITH
    [i IN range(0, size(years) - 1) WHERE years[i] = pair.before | values[i]][0] AS valueBefore,
    [i IN range(0, size(years) - 1) WHERE years[i] = pair.after | values[i]][0] AS valueAfter
  WHERE valueBefore IS NOT NULL AND valueAfter IS NOT NULL
  RETURN avg(valueAfter - valueBefore) AS meanChange, count(*) AS schools
}
RETURN pair.before AS before, pair.after AS after, meanChange, schools
