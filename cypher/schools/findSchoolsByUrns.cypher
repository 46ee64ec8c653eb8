// findSchoolsByUrns: open schools for a batch of URNs (SchoolLoader)
// params: $urns: list<int>   returns: see _schoolPage, which takes $properties, $areas, $memberships and $memberLimit
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
WITH collect(s) AS page
// include: schools/_schoolPage
