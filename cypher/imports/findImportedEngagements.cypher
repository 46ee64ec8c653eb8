// findImportedEngagements: support engagements already imported under the keys of a file (ImportRepository.readState)
// params: $keys: list<string>   returns: one engagement map per key found, in no order
UNWIND $keys AS key
MATCH (l:SystemLeader)-[r:SUPPORTS {importKey: key}]->(s:School)
RETURN r { .id, .importKey, .focus, .start, systemLeaderId: l.id, urn: s.urn } AS engagement
