// findImportedAdvisers: advisers already imported under the keys of a file (ImportRepository.readState)
// params: $keys: list<string>   returns: one adviser map per key found, in no order
UNWIND $keys AS key
MATCH (a:Adviser {importKey: key})
RETURN a {
  .id, .importKey, .name, .kind, .organisation, .laCode,
  partnershipId: COLLECT { MATCH (a)-[:WORKS_FOR]->(p:Partnership) RETURN p.id }[0],
  schoolCount: COUNT { (a)-[:ADVISES]->(:School) }
} AS adviser
