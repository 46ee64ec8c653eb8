// findSchoolsByUrns: open schools for a batch of URNs (SchoolLoader)
// params: $properties: list<string>? (null: every property), $areas: boolean (also read its LA and region), $urns: list<int>   returns: one row: `schools`, per URN found in no order the school map or the values of $properties in order; when $areas, the `localAuthorities` and `regions` they are in
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
WITH collect(s) AS page
RETURN [s IN page | {
    school: CASE WHEN $properties IS NULL THEN properties(s) END,
    values: [property IN coalesce($properties, []) | s[property]]
  }] AS schools,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.laCode AS code
    MATCH (la:LocalAuthority {code: code})
    OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
    RETURN la {.*, regionCode: r.code}
  } ELSE [] END AS localAuthorities,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.regionCode AS code
    MATCH (r:Region {code: code})
    RETURN r {.*}
  } ELSE [] END AS regions
