// writeSearchFields: normalised search text on the next batch of schools in URN order (writeSearchFields)
// params: $afterUrn: int, $batchSize: int   returns: one row {written, lastUrn}; lastUrn is null after the last batch
// Each text is lower-cased, apostrophes (' ’ ‘ `) dropped, "&" read as "and", and every other
// character that is not a letter or digit turned into one space: the rule of normaliseSearchText
// (src/modules/search/search-text.ts), which every search query goes through.
// searchName: the name. searchPlace: town, LA name and district name, each once.
// searchPostcode: outward and inward codes, then the postcode without its space ("fy1 3nx fy13nx").
// searchFormer: names and URNs of predecessors up to three links back, names from a formerNames
// list if the school has one, and the school's own URN; a former name equal to the name is left out.
MATCH (s:School)
WHERE s.urn > $afterUrn
WITH s
ORDER BY s.urn
LIMIT $batchSize
OPTIONAL MATCH (la:LocalAuthority {code: s.laCode})
WITH s, la,
  COLLECT {
    MATCH (p:Establishment)-[:SUCCEEDED_BY*1..3]->(s)
    WHERE p <> s
    RETURN DISTINCT p
  } AS predecessors
WITH s, predecessors,
  [s.name, s.town, la.name, s.districtName] + [p IN predecessors | p.name] + coalesce(s.formerNames, []) AS texts,
  replace(toLower(trim(coalesce(s.postcode, ''))), ' ', '') AS postcode
WITH s, predecessors, postcode,
  [text IN texts |
    CASE WHEN text IS NULL THEN '' ELSE trim(reduce(out = '', c IN split(
      replace(replace(replace(replace(replace(toLower(text), "'", ''), '’', ''), '‘', ''), '`', ''), '&', ' and '),
      '') |
      out + CASE
        WHEN c =~ '[\\p{L}\\p{N}]' THEN c
        WHEN out = '' OR out ENDS WITH ' ' THEN ''
        ELSE ' '
      END)) END
  ] AS normalised
WITH s, predecessors, postcode, normalised[0] AS name,
  reduce(seen = [], text IN normalised[1..4] | CASE WHEN text = '' OR text IN seen THEN seen ELSE seen + text END) AS places,
  reduce(seen = [], text IN normalised[4..] | CASE WHEN text = '' OR text = normalised[0] OR text IN seen THEN seen ELSE seen + text END) AS formerNames
WITH s, name,
  reduce(out = '', text IN places | out + ' ' + text) AS place,
  CASE
    WHEN size(postcode) >= 5 THEN left(postcode, size(postcode) - 3) + ' ' + right(postcode, 3) + ' ' + postcode
    ELSE postcode
  END AS postcodes,
  reduce(out = '', text IN formerNames + [p IN predecessors | toString(p.urn)] + [toString(s.urn)] | out + ' ' + text) AS former
SET s.searchName = name,
  s.searchPlace = CASE WHEN trim(place) = '' THEN null ELSE trim(place) END,
  s.searchPostcode = CASE WHEN postcodes = '' THEN null ELSE postcodes END,
  s.searchFormer = trim(former)
RETURN count(s) AS written, max(s.urn) AS lastUrn
