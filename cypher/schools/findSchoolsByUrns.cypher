// findSchoolsByUrns: open schools for a batch of URNs (SchoolLoader)
// params: $properties: list<string>? (null: every property), $areas: boolean (also read its LA and region), $urns: list<int>   returns: per URN found, the school map, or the values of $properties in order, and its LA and region maps when $areas, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN CASE WHEN $properties IS NULL THEN properties(s) END AS school,
  [property IN coalesce($properties, []) | s[property]] AS values,
  CASE WHEN $areas THEN COLLECT {
    MATCH (la:LocalAuthority {code: s.laCode})
    OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
    RETURN la {.*, regionCode: r.code}
  }[0] END AS localAuthority,
  CASE WHEN $areas THEN COLLECT { MATCH (r:Region {code: s.regionCode}) RETURN r {.*} }[0] END AS region
