// findImportSchools: the open schools an import names, with what the import's rules need (ImportRepository.readState)
// params: $urns: list<int>   returns: one school map per URN found, in no order
UNWIND $urns AS urn
MATCH (s:School {urn: urn})
RETURN s {
  .urn, .name, .laCode, .regionCode, .pupils,
  partnershipIds: COLLECT {
    MATCH (s)-[m:MEMBER_OF]->(p:Partnership)
    WHERE m.leavingOn IS NULL OR m.leavingOn > date()
    RETURN p.id
  }
} AS school
