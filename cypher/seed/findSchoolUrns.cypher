// findSchoolUrns: which of these URNs are schools in the graph
// params: $urns: list<int>   returns: urn per school found, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN s.urn AS urn
