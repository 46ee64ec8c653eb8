// searchSchools: open schools whose search fields match a Lucene query, best first (SearchRepository.searchSchools)
// params: $query: string, $limit: int   returns: school map (with its search fields) and score per row, best first
// The school_search index covers :School nodes only, so closed establishments never appear.
CALL db.index.fulltext.queryNodes('school_search', $query, {limit: $limit})
YIELD node, score
WITH node AS s, score
WHERE s:School
RETURN s {.*} AS school, score
ORDER BY score DESC, s.name, s.urn
