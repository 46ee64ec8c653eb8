// findInspectionsBySchoolUrns: every inspection held for each school in a batch (InspectionsLoader)
// params: $urns: list<int>   returns: one row per school found, inspections newest first (the
// importer writes one per kind and date: the 2025 file's, else the older source's)
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (s)-[:INSPECTED]->(i:Inspection)
    RETURN i {.*} ORDER BY i.date DESC, i.kind
  } AS inspections
