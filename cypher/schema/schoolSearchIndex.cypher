// schoolSearchIndex: full-text search over the normalised search fields seed/search.ts writes
// The fields are already lower-cased and split into words by letter and digit, so the analyser only
// has to split on spaces; standard-no-stop-words keeps words such as "the" and "of" that school
// names are made of. Updated in the writing transaction, so a search sees a seed step at once.
CREATE FULLTEXT INDEX school_search IF NOT EXISTS
FOR (s:School) ON EACH [s.searchName, s.searchPlace, s.searchPostcode, s.searchFormer]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } }
