// baselineNameScan: schools whose lower-cased name contains a text, by scanning every school (bench/search.bench.ts baseline)
// params: $text: string, $limit: int   returns: school map per row, in name order
MATCH (s:School)
WHERE toLower(s.name) CONTAINS $text
RETURN s {.*} AS school
ORDER BY s.name, s.urn
LIMIT $limit
