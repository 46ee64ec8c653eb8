// findSchoolsByUrns: open schools for a batch of URNs (SchoolLoader)
// params: $urns: list<int>   returns: one school map per URN found, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN s {.*} AS school
