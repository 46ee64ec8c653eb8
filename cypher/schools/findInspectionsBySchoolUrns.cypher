// findInspectionsBySchoolUrns: every inspection held for each school in a batch (InspectionsLoader)
// params: $urns: list<int>   returns: one row per school found, inspections newest first; where
// two sources describe one inspection (same kind and date), the one with Ofsted's number wins
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN urn,
  COLLECT {
    MATCH (s)-[:INSPECTED]->(i:Inspection)
    WITH i.kind AS kind, i.date AS date, i
      ORDER BY CASE WHEN i.id CONTAINS ":" THEN 1 ELSE 0 END, i.source DESC
    WITH kind, date, head(collect(i)) AS i
    ORDER BY date DESC, kind
    RETURN i {.*}
  } AS inspections
