// findSchoolsByUrns: open schools for a batch of URNs (SchoolLoader)
// params: $properties: list<string>? (null: every property), $urns: list<int>   returns: per URN found, the school map, or the values of $properties in order, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN CASE WHEN $properties IS NULL THEN properties(s) END AS school,
  [property IN coalesce($properties, []) | s[property]] AS values
