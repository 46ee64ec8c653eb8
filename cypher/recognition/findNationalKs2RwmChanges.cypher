// findNationalKs2RwmChanges: for each pair of academic years, the mean change in KS2 RWM% over every school with a figure in both (RecognitionRepository.nationalChanges)
// One pass over the schools for all pairs: each school's figure for every year asked about is found once, then the pairs index into them.
// params: $pairs: list<map{before: string, after: string}>   returns: one row per pair some school has both years of: before, after, meanChange, schools
UNWIND $pairs AS pair
WITH collect(pair) AS pairs, collect(DISTINCT pair.before) + collect(DISTINCT pair.after) AS named
WITH pairs, reduce(years = [], year IN named | CASE WHEN year IN years THEN years ELSE years + year END) AS years
WITH years, [pair IN pairs | {
  pair: pair,
  before: [i IN range(0, size(years) - 1) WHERE years[i] = pair.before][0],
  after: [i IN range(0, size(years) - 1) WHERE years[i] = pair.after][0]
}] AS indexed
MATCH (s:School)
WHERE s.ks2RwmSeriesYears IS NOT NULL
WITH indexed, years, s.ks2RwmSeriesYears AS seriesYears, s.ks2RwmSeriesValues AS seriesValues
WITH indexed,
  [year IN years | [i IN range(0, size(seriesYears) - 1) WHERE seriesYears[i] = year | seriesValues[i]][0]] AS values
UNWIND indexed AS entry
WITH entry.pair AS pair, values[entry.before] AS valueBefore, values[entry.after] AS valueAfter
WHERE valueBefore IS NOT NULL AND valueAfter IS NOT NULL
RETURN pair.before AS before, pair.after AS after, avg(valueAfter - valueBefore) AS meanChange, count(*) AS schools
